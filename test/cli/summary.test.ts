import { describe, expect, it } from 'vitest';
import { formatExtractSummary, formatProblems, formatTransformSummary } from '../../src/cli/summary.ts';
import type { StreamResult } from '../../src/extract/run-extract.ts';
import type { ModelResult } from '../../src/transform/model-state.ts';

const stream = (name: string, over: Partial<StreamResult> = {}): StreamResult => ({ stream: name, status: 'success', fetched: 0, changed: 0, deleted: 0, restored: 0, unreadable: 0, seconds: 0.1, ...over });
const model = (name: string, over: Partial<ModelResult> = {}): ModelResult => ({ model: name, materialized: 'incremental', status: 'success', rows: 0, seconds: 0.2, ...over });

describe('the summaries', () => {
  it('extract: failures, warnings and skips first, then the rest by name, a failed line cut to 79 columns, then the totals', () => {
    const results = [
      stream('uom.uom', { fetched: 8, changed: 8 }),
      stream('pos.order', { fetched: 1500, changed: 1200, deleted: 3, restored: 1, seconds: 1.25 }),
      stream('hr.version', { status: 'skipped', error: 'Odoo has no model hr.version (module not installed)', seconds: 0 }),
      stream('pos.order.line', { fetched: 4000, changed: 4000, unreadable: 2 }),
      stream('res.partner', { status: 'failed', error: `Odoo raised ValueError: ${'a very long explanation '.repeat(5)}`, seconds: 0.5 }),
    ];
    const lines = formatExtractSummary(results, 3.04).split('\n');
    expect(lines).toEqual([
      '  FAIL  res.partner     Odoo raised ValueError: a very long explanation a very…',
      '  WARN  pos.order.line  4,000 records, 4,000 changed, 2 unreadable           0.1 s',
      '  SKIP  hr.version      Odoo has no such model (module not installed)',
      '  OK    pos.order       1,500 records, 1,200 changed, 3 deleted, 1 restored  1.3 s',
      '  OK    uom.uom         8 records, 8 changed                                 0.1 s',
      '5 streams: 3 ok, 1 skipped, 1 failed; 5,508 records, 5,208 changed; 3.0 s',
    ]);
  });

  it('transform: failed and skipped first, then run order', () => {
    const results = [
      model('dim_a', { materialized: 'table', rows: 4 }),
      model('fact_b', { status: 'failed', rows: null, error: 'relation "x" does not exist' }),
      model('stg_v', { materialized: 'view', rows: null }),
      model('fact_c', { status: 'skipped', rows: null, error: 'skipped: fact_b failed' }),
      model('fact_d', { rows: 12_345 }),
    ];
    expect(formatTransformSummary(results, 0.96)).toBe([
      '  FAIL  fact_b  incremental  relation "x" does not exist',
      '  SKIP  fact_c  incremental  fact_b failed',
      '  OK    dim_a   table             4 rows  0.2 s',
      '  OK    stg_v   view                   -  0.2 s',
      '  OK    fact_d  incremental  12,345 rows  0.2 s',
      '5 models: 3 ok, 1 failed, 1 skipped; 12,349 rows; 1.0 s',
    ].join('\n'));
  });

  it('the end: each failure and warning again with its whole line, then the wall time', () => {
    const streams = [stream('res.partner', { status: 'failed', error: 'Odoo raised ValueError: bad' }), stream('pos.order.line', { unreadable: 1 })];
    const models = [model('fact_b', { status: 'failed', error: 'relation "x" does not exist' }), model('fact_c', { status: 'skipped', error: 'skipped: fact_b failed' })];
    expect(formatProblems(streams, models, 12.345)).toBe([
      '2 failed, 1 skipped, 1 warning:',
      '  res.partner: Odoo raised ValueError: bad',
      '  pos.order.line: 1 record Odoo could not read: skipped, retried next run',
      '  fact_b: relation "x" does not exist',
      '  fact_c: skipped, fact_b failed',
      'Done in 12.3 s with 2 failures.',
    ].join('\n'));
    expect(formatProblems([stream('uom.uom')], [model('dim_a')], 2)).toBe('Done in 2.0 s.');
  });
});
