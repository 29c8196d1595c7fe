import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { connect, memoryLog, projectConfig, SIM_NOW, simTime } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract } from '../../src/extract/run-extract.ts';
import type { ExtractProgress } from '../../src/extract/progress.ts';
import type { OdooClient } from '../../src/odoo/client.ts';

let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let odoo: OdooClient;
const config = projectConfig({ extract: { page_size: 100, lookback_minutes: 10 } });

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.2, seed: 11 });
  sim.clock.set(simTime(3_600_000)); // frozen, after all generated data
  db = await freshDatabase();
  odoo = await connect(sim);
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
});

type Event = [kind: 'start', total: number | null, error?: string] | [kind: 'page', fetched: number] | [kind: 'end', status: string];

/** A progress sink that keeps every call, per stream. */
function recorder(): ExtractProgress & { events: Map<string, Event[]> } {
  const events = new Map<string, Event[]>();
  const push = (stream: string, event: Event) => void events.set(stream, [...(events.get(stream) ?? []), event]);
  return {
    events,
    onPassStart: (stream, total, countError) => push(stream, countError === undefined ? ['start', total] : ['start', total, countError]),
    onPage: (stream, fetched) => push(stream, ['page', fetched]),
    onStreamEnd: (stream, status) => push(stream, ['end', status]),
  };
}

/** The calls of one model and method made since `from`. */
function callsOf(model: string, method: string, from: number) {
  return sim.calls.slice(from).filter((c) => c.model === model && c.method === method);
}

function pages(events: readonly Event[]): number[] {
  return events.filter((e) => e[0] === 'page').map((e) => e[1] as number);
}

describe('extract progress', () => {
  it('a built-in stream this Odoo lacks ends as skipped, with no pass', async () => {
    const progress = recorder();
    const results = await runExtract(odoo, db.pool, config, { streams: ['hr.version', 'uom.uom'], progress }, memoryLog());
    expect(results.map((r) => [r.stream, r.status])).toEqual([['uom.uom', 'success'], ['hr.version', 'skipped']]);
    expect(progress.events.get('hr.version')).toEqual([['end', 'skipped']]);
  });

  it('counts each stream once before its pass, with the pass domain, and reports pages up to that total', async () => {
    const progress = recorder();
    const from = sim.calls.length;
    const results = await runExtract(odoo, db.pool, config, { streams: ['pos.order.line', 'res.partner'], progress }, memoryLog());
    expect(results.map((r) => r.status)).toEqual(['success', 'success']);

    const lines = sim.count('pos.order.line', { activeTest: false });
    expect(lines).toBeGreaterThan(300);
    const events = progress.events.get('pos.order.line')!;
    expect(events[0]).toEqual(['start', lines]);
    expect(events.at(-1)).toEqual(['end', 'success']);
    const fetched = pages(events);
    expect(fetched).toEqual(Array.from({ length: Math.ceil(lines / 100) }, (_, i) => Math.min(lines, (i + 1) * 100)));
    expect(events).toHaveLength(fetched.length + 2);

    // One count, with the domain of the pass's first page, and the same context as the reads.
    const counts = callsOf('pos.order.line', 'search_count', from);
    expect(counts).toHaveLength(1);
    expect(counts[0]!.args[0]).toEqual([['id', '>', 0]]);
    expect(counts[0]!.kwargs.context).toMatchObject({ active_test: false });
    expect(callsOf('pos.order.line', 'search_read', from).find((c) => c.kwargs.order === 'id')!.args[0]).toEqual(counts[0]!.args[0]);

    const partners = sim.count('res.partner', { activeTest: false });
    expect(pages(progress.events.get('res.partner')!).at(-1)).toBe(partners);
    expect((await db.pool.query('select count(*)::int as n from raw_res_partner')).rows[0].n).toBe(partners);
  });

  it('an incremental pass whose first page is short is told its size from that page, with no count asked', async () => {
    sim.clock.advance(3_600_000);
    const orderLines = sim.store.search('pos.order.line', [], { activeTest: false }).slice(0, 7);
    sim.write('pos.order.line', orderLines, { name: 'changed' });
    const progress = recorder();
    const from = sim.calls.length;
    await runExtract(odoo, db.pool, config, { streams: ['pos.order.line'], progress }, memoryLog());

    expect(callsOf('pos.order.line', 'search_count', from)).toEqual([]);
    const [firstPage] = callsOf('pos.order.line', 'search_read', from).filter((c) => c.kwargs.order === 'id');
    expect(firstPage!.args[0]).toContainEqual(['id', '>', 0]);
    expect(JSON.stringify(firstPage!.args[0])).toContain('"write_date",">="');
    // The 7 changed lines and those the lookback window re-reads (write_date within 10 minutes before the cursor).
    const inWindow = sim.store.search('pos.order.line', firstPage!.args[0] as unknown[], { activeTest: false }).length;
    expect(inWindow).toBeGreaterThanOrEqual(7);
    expect(inWindow).toBeLessThan(20);
    expect(progress.events.get('pos.order.line')).toEqual([['start', inWindow], ['page', inWindow], ['end', 'success']]);
  });

  it('a count Odoo refuses leaves the total unknown and lands the stream all the same', async () => {
    sim.injectFault({ kind: 'fault', model: 'res.partner', method: 'search_count', code: 1, message: 'search_count is overridden and broken here' });
    const progress = recorder();
    const results = await runExtract(odoo, db.pool, config, { streams: ['res.partner'], fullRefresh: true, progress }, memoryLog());
    expect(results[0]).toMatchObject({ status: 'success', fetched: sim.count('res.partner', { activeTest: false }) });
    const [start] = progress.events.get('res.partner')!;
    expect(start![0]).toBe('start');
    expect(start![1]).toBeNull();
    expect(start![2]).toContain('search_count is overridden and broken here');
  });

  it('without a progress sink no count is asked', async () => {
    const from = sim.calls.length;
    await runExtract(odoo, db.pool, config, { streams: ['pos.order'] }, memoryLog());
    expect(callsOf('pos.order', 'search_count', from)).toHaveLength(0);
    expect(callsOf('pos.order', 'search_read', from).length).toBeGreaterThan(0);
  });
});
