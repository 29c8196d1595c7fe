/**
 * `elt status` as data (the stable `--json` shape, see README "Status") and
 * as aligned text tables.
 */
import type { ModelStatusRow, StreamStatusRow } from '../db/status.ts';
import type { OdooFreshness } from '../extract/odoo-freshness.ts';
import { formatCount, formatDuration } from './progress-format.ts';
import { alignColumns, plural } from './text.ts';

export type StreamHealth = 'ok' | 'failed' | 'partial' | 'never';

export interface StreamStatus {
  readonly stream: string;
  readonly table: string;
  readonly status: StreamHealth;
  readonly cursor: string | null;
  readonly rows: number;
  readonly deletedRows: number;
  readonly skippedRecords: number;
  readonly lastSuccessAt: string | null;
  readonly lagSeconds: number | null;
  readonly lastError: string | null;
  /** Present with --odoo only. */
  readonly odoo?: OdooFreshness;
}

/** Its `status` may also be `removed`: the model's file is gone from the project (a monitor alerting on failed stops). */
export type ModelStatus = ModelStatusRow;

/** Models the warehouse remembers but the project no longer has: status `removed`, last error dropped. */
export function markRemoved(models: readonly ModelStatusRow[], project: ReadonlySet<string> | null): ModelStatus[] {
  if (project === null) return [...models];
  return models.map((m) => (project.has(m.model) ? m : { ...m, status: 'removed', lastError: null }));
}

export interface StatusReport {
  readonly streams: StreamStatus[];
  readonly models: ModelStatus[];
}

export function streamStatus(row: StreamStatusRow, table: string, odoo?: OdooFreshness): StreamStatus {
  return {
    stream: row.stream,
    table,
    status: health(row),
    cursor: row.cursor,
    rows: row.rows,
    deletedRows: row.deletedRows,
    skippedRecords: row.skippedRecords,
    lastSuccessAt: row.lastSuccessAt,
    lagSeconds: row.lagSeconds,
    lastError: row.lastError,
    ...(odoo ? { odoo } : {}),
  };
}

/** failed: the last run of the stream failed; partial: a pass is running or was killed; never: no pass ever completed. */
function health(row: StreamStatusRow): StreamHealth {
  if (row.lastError !== null) return 'failed';
  if (row.passOpen) return 'partial';
  if (row.lastSuccessAt === null) return 'never';
  return 'ok';
}

export function formatStatus(report: StatusReport, withOdoo: boolean): string {
  const streamHead = ['stream', 'status', 'rows', 'deleted', 'skipped', 'cursor (Odoo, UTC)', 'last success (UTC)', 'lag'];
  if (withOdoo) streamHead.push('newer in Odoo', 'behind');
  streamHead.push('error');
  const streamRows = report.streams.map((s) => {
    const cells = [s.stream, s.status, formatCount(s.rows), formatCount(s.deletedRows), formatCount(s.skippedRecords), s.cursor ?? '-', s.lastSuccessAt ?? '-', duration(s.lagSeconds)];
    if (withOdoo) cells.push(s.odoo?.error ? 'error' : count(s.odoo?.newerRecords ?? null), duration(s.odoo?.behindSeconds ?? null));
    cells.push(s.lastError ?? s.odoo?.error ?? '');
    return cells;
  });
  const lines = alignColumns([streamHead, ...streamRows], new Set([2, 3, 4, ...(withOdoo ? [8] : [])]));
  lines.push(summary(report.streams.length, 'stream', report.streams.map((s) => s.status)), '');
  if (report.models.length === 0) {
    lines.push('no model has run yet (elt transform)');
  } else {
    const modelHead = ['model', 'materialized', 'status', 'rows', 'last written', 'pending', 'last run (UTC)', 'error'];
    const modelRows = report.models.map((m) => [m.model, m.materialized, m.status, count(m.rows), count(m.rowsWritten), count(m.pendingRows), m.lastRunAt ?? '-', m.lastError ?? '']);
    lines.push(...alignColumns([modelHead, ...modelRows], new Set([3, 4, 5])));
    lines.push(summary(report.models.length, 'model', report.models.map((m) => m.status)));
  }
  return lines.join('\n');
}

/** `31 streams: 28 ok, 3 never`, best news first. */
function summary(n: number, noun: string, statuses: readonly string[]): string {
  const order = ['ok', 'success', 'partial', 'never', 'failed', 'skipped', 'removed'];
  const tally = new Map<string, number>();
  for (const s of [...statuses].sort((a, b) => order.indexOf(a) - order.indexOf(b))) tally.set(s, (tally.get(s) ?? 0) + 1);
  const parts = [...tally].map(([status, k]) => `${formatCount(k)} ${status}`);
  return `${plural(n, noun)}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

function count(n: number | null): string {
  return n === null ? '-' : formatCount(n);
}

function duration(seconds: number | null): string {
  return seconds === null ? '-' : formatDuration(seconds);
}
