/**
 * The summaries commands print on stdout, read like dbt's: one line per
 * stream and per model (failures, warnings and skips first), a totals line
 * with the wall time, and the failures again at the end with the one line
 * that explains each. Kept to one line per item so `elt run` fits a screen.
 */
import type { StreamResult } from '../extract/run-extract.ts';
import type { ModelResult } from '../transform/model-state.ts';
import { alignColumns, plural } from './text.ts';

/** A list line with an error is cut to this width (its whole text comes at the end). */
const WIDTH = 79;

/** One line per stream (failed, warned, skipped, then ok; by name within each), then the totals. */
export function formatExtractSummary(results: readonly StreamResult[], seconds: number): string {
  const rank = (r: StreamResult) => (r.status === 'failed' ? 0 : r.unreadable ? 1 : r.status === 'skipped' ? 2 : 3);
  const sorted = [...results].sort((a, b) => rank(a) - rank(b) || a.stream.localeCompare(b.stream));
  const rows = sorted.map((r) => {
    // The line names the stream: "Odoo has no such model" says the rest in fewer columns.
    if (r.status !== 'success') return [r.status === 'failed' ? 'FAIL' : 'SKIP', r.stream, (r.error ?? '').replace(`no model ${r.stream} `, 'no such model ')];
    const extra = [r.deleted && `${count(r.deleted)} deleted`, r.restored && `${count(r.restored)} restored`, r.unreadable && `${count(r.unreadable)} unreadable`].filter(Boolean);
    return [r.unreadable ? 'WARN' : 'OK', r.stream, [plural(r.fetched, 'record'), `${count(r.changed)} changed`, ...extra].join(', '), `${r.seconds.toFixed(1)} s`];
  });
  const n = (status: StreamResult['status']) => results.filter((r) => r.status === status).length;
  const parts = [`${n('success')} ok`, n('skipped') && `${n('skipped')} skipped`, n('failed') && `${n('failed')} failed`].filter(Boolean);
  const fetched = results.reduce((sum, r) => sum + r.fetched, 0);
  const changed = results.reduce((sum, r) => sum + r.changed, 0);
  const total = `${plural(results.length, 'stream')}: ${parts.join(', ')}; ${plural(fetched, 'record')}, ${count(changed)} changed; ${seconds.toFixed(1)} s`;
  return [...listLines(rows, new Set([3])), total].join('\n');
}

/** One line per model (failed, skipped, then ok; in run order within each), then the totals. */
export function formatTransformSummary(results: readonly ModelResult[], seconds: number): string {
  const rank = (r: ModelResult) => (r.status === 'failed' ? 0 : r.status === 'skipped' ? 1 : 2);
  const sorted = results.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map(({ r }) => r);
  const rows = sorted.map((r) => {
    if (r.status !== 'success') return [r.status === 'failed' ? 'FAIL' : 'SKIP', r.model, r.materialized, skipCause(r)];
    return ['OK', r.model, r.materialized, r.rows === null ? '-' : plural(r.rows, 'row'), `${r.seconds.toFixed(1)} s`];
  });
  const n = (status: ModelResult['status']) => results.filter((r) => r.status === status).length;
  const parts = [`${n('success')} ok`, n('failed') && `${n('failed')} failed`, n('skipped') && `${n('skipped')} skipped`].filter(Boolean);
  const rowsWritten = results.reduce((sum, r) => sum + (r.rows ?? 0), 0);
  const total = `${plural(results.length, 'model')}: ${parts.join(', ')}; ${plural(rowsWritten, 'row')}; ${seconds.toFixed(1)} s`;
  return [...listLines(rows, new Set([3, 4])), total].join('\n');
}

/**
 * The end of a command: each failure (and record-level warning) again with
 * the line that explains it, then `Done in 2.6 s.`; empty list, no section.
 */
export function formatProblems(streams: readonly StreamResult[], models: readonly ModelResult[], seconds: number): string {
  const problems = [
    ...streams.filter((r) => r.status === 'failed').map((r) => `  ${r.stream}: ${r.error ?? 'failed'}`),
    ...streams.filter((r) => r.status === 'success' && r.unreadable).map((r) => `  ${r.stream}: ${plural(r.unreadable, 'record')} Odoo could not read: skipped, retried next run`),
    ...models.filter((r) => r.status === 'failed').map((r) => `  ${r.model}: ${r.error ?? 'failed'}`),
    ...models.filter((r) => r.status === 'skipped').map((r) => `  ${r.model}: skipped, ${skipCause(r)}`),
  ];
  const failed = streams.filter((r) => r.status === 'failed').length + models.filter((r) => r.status === 'failed').length;
  const skipped = models.filter((r) => r.status === 'skipped').length;
  const warnings = streams.filter((r) => r.status === 'success' && r.unreadable).length;
  const done = `Done in ${seconds.toFixed(1)} s${failed ? ` with ${plural(failed, 'failure')}` : ''}.`;
  if (!problems.length) return done;
  const head = [failed && `${failed} failed`, skipped && `${skipped} skipped`, warnings && plural(warnings, 'warning')].filter(Boolean).join(', ');
  return [`${head}:`, ...problems, done].join('\n');
}

/** `  OK    name  cells...`: names padded alike, the ok lines' cells aligned; an error (FAIL, SKIP) in one cell, the line cut to the width. */
function listLines(rows: string[][], right: ReadonlySet<number>): string[] {
  const width = Math.max(0, ...rows.map((r) => r[1]!.length));
  const ok = (r: string[]) => r[0] === 'OK' || r[0] === 'WARN';
  const cells = alignColumns(rows.filter(ok).map((r) => r.slice(2)), new Set([...right].map((c) => c - 2)));
  let k = 0;
  return rows.map((r) => {
    if (ok(r)) return `  ${r[0]!.padEnd(4)}  ${r[1]!.padEnd(width)}  ${cells[k++]!}`.trimEnd();
    return cut(`  ${r[0]!.padEnd(4)}  ${r[1]!.padEnd(width)}  ${r.slice(2).filter(Boolean).join('  ')}`.trimEnd());
  });
}

/** A model skipped because an input failed says so in its status: the cause alone is left. */
function skipCause(r: ModelResult): string {
  return (r.error ?? '').replace(/^skipped: /, '');
}

function cut(line: string): string {
  return line.length > WIDTH ? `${line.slice(0, WIDTH - 1)}…` : line;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
