/**
 * What `elt status` reads from the warehouse: per stream its state, raw
 * table and last successful run; per model its latest outcome, table size
 * and the raw rows it has not consumed yet. Read-only; timestamps come back
 * as ISO 8601 UTC strings (`2024-05-01T10:00:00Z`), Odoo's as it keeps them
 * (naive UTC, `2024-05-01 10:00:00`).
 */
import type { Pool } from './pool.ts';
import { quoteIdent, rawTableName } from './identifiers.ts';
import { rawRowCounts, tableExists } from './raw-tables.ts';

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;
const iso = (column: string) => `to_char(${column} at time zone 'UTC', ${ISO})`;

export interface StreamStatusRow {
  readonly stream: string;
  readonly model: string;
  /** False for a configured stream that never ran. */
  readonly known: boolean;
  readonly cursor: string | null;
  /** A pass began and has not finished: running now, or killed (the next run resumes it). */
  readonly passOpen: boolean;
  readonly lastSuccessAt: string | null;
  /** When the last successful extract of the stream began (elt_stream_runs). */
  readonly lastSuccessStartedAt: string | null;
  /** Seconds from that start to now, on the database's clock. */
  readonly lagSeconds: number | null;
  readonly lastError: string | null;
  /** Raw rows whose record Odoo still has, and those marked deleted. */
  readonly rows: number;
  readonly deletedRows: number;
  readonly skippedRecords: number;
}

interface StateRow {
  stream: string;
  model: string;
  cursor: string | null;
  pass_open: boolean;
  last_success_at: string | null;
  last_error: string | null;
  success_started_at: string | null;
  lag_seconds: number | null;
  skipped: number;
}

/** Every stream that has state, plus `configured` ones (name -> model) that never ran, sorted by name. */
export async function readStreamStatus(db: Pool, configured: ReadonlyMap<string, string>): Promise<StreamStatusRow[]> {
  const { rows } = await db.query<StateRow>(`
    select s.stream, s.model, to_char(s.cursor, 'YYYY-MM-DD HH24:MI:SS') as cursor, s.pass_last_id is not null as pass_open,
           ${iso('s.last_success_at')} as last_success_at, s.last_error,
           ${iso('r.started_at')} as success_started_at,
           round(extract(epoch from now() - r.started_at))::int as lag_seconds,
           (select count(*)::int from elt_skipped_records k where k.stream = s.stream) as skipped
      from elt_stream_state s
      left join lateral (
        select started_at from elt_stream_runs r where r.stream = s.stream and r.status = 'success' order by started_at desc limit 1
      ) r on true`);
  const byName = new Map(rows.map((r) => [r.stream, r]));
  const names = [...new Set([...byName.keys(), ...configured.keys()])].sort();
  const result: StreamStatusRow[] = [];
  for (const stream of names) {
    const row = byName.get(stream);
    const model = row?.model ?? configured.get(stream)!;
    const counts = (await rawRowCounts(db, model)) ?? { live: 0, deleted: 0 };
    result.push({
      stream,
      model,
      known: row !== undefined,
      cursor: row?.cursor ?? null,
      passOpen: row?.pass_open ?? false,
      lastSuccessAt: row?.last_success_at ?? null,
      lastSuccessStartedAt: row?.success_started_at ?? null,
      lagSeconds: row?.lag_seconds ?? null,
      lastError: row?.last_error ?? null,
      rows: counts.live,
      deletedRows: counts.deleted,
      skippedRecords: row?.skipped ?? 0,
    });
  }
  return result;
}

export interface ModelStatusRow {
  readonly model: string;
  readonly materialized: string;
  readonly status: string;
  readonly lastRunAt: string | null;
  readonly lastSuccessAt: string | null;
  /** Rows the last run wrote (inserted, changed or removed); null for views and failed runs. */
  readonly rowsWritten: number | null;
  /** Rows in the model's table now; null for views or a missing table. */
  readonly rows: number | null;
  /** Incremental models: raw rows changed since the model last consumed its sources; null otherwise. */
  readonly pendingRows: number | null;
  readonly lastError: string | null;
}

interface ModelRow {
  model: string;
  materialized: string;
  status: string;
  last_run_at: string | null;
  last_success_at: string | null;
  rows: number | null;
  last_error: string | null;
}

/** Every model that has run at least once, sorted by name. */
export async function readModelStatus(db: Pool): Promise<ModelStatusRow[]> {
  const { rows } = await db.query<ModelRow>(`
    select model, materialized, status, ${iso('last_run_at')} as last_run_at, ${iso('last_success_at')} as last_success_at, rows, last_error
      from elt_model_state order by model`);
  const marks = await db.query<{ model: string; source: string; load_seq: number }>(`select model, source, load_seq from elt_model_watermarks`);
  const result: ModelStatusRow[] = [];
  for (const row of rows) {
    const sources = marks.rows.filter((m) => m.model === row.model);
    result.push({
      model: row.model,
      materialized: row.materialized,
      status: row.status,
      lastRunAt: row.last_run_at,
      lastSuccessAt: row.last_success_at,
      rowsWritten: row.rows,
      rows: row.materialized === 'view' ? null : await tableRows(db, row.model),
      pendingRows: row.materialized === 'incremental' && sources.length ? await pending(db, sources) : null,
      lastError: row.last_error,
    });
  }
  return result;
}

async function tableRows(db: Pool, table: string): Promise<number | null> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table) || !(await tableExists(db, table))) return null;
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${quoteIdent(table)}`);
  return rows[0]!.n;
}

/** Raw rows past each source's watermark: what the next incremental run will read (an index scan on load_seq). */
async function pending(db: Pool, sources: ReadonlyArray<{ source: string; load_seq: number }>): Promise<number> {
  let total = 0;
  for (const { source, load_seq } of sources) {
    const table = rawTableName(source);
    if (!(await tableExists(db, table))) continue;
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${quoteIdent(table)} where load_seq > $1`, [load_seq]);
    total += rows[0]!.n;
  }
  return total;
}
