/**
 * Incremental state per stream. A "pass" reads every record with
 * `write_date >= since` in keyset pages on id; its high-water mark (taken
 * before the first page) becomes the cursor only when the pass completes.
 * Each page's rows and the pass's `last_id` commit together, so a run killed
 * at any point resumes where the last committed page ended.
 */
import type { Pool, PoolClient } from './pool.ts';
import { landRecords, type LandOptions } from './raw-tables.ts';
import { inTransaction } from './pool.ts';

export interface StreamState {
  readonly stream: string;
  readonly model: string;
  /** Naive UTC 'YYYY-MM-DD HH:MM:SS', or null before the first completed pass. */
  readonly cursor: string | null;
  readonly pass: PassState | null;
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
}

export interface PassState {
  /** The run's high-water mark: Odoo's clock when the pass began less the skew allowance (without a Date header, max(write_date) then); null for a stream without write_date, or an empty one read by max(write_date). */
  readonly hwm: string | null;
  /** Lower bound on write_date; null reads everything. */
  readonly since: string | null;
  /** Keyset position: the pass has landed every matching id up to this one. */
  readonly lastId: number;
  readonly full: boolean;
}

interface StateRow {
  stream: string;
  model: string;
  cursor: string | null;
  pass_hwm: string | null;
  pass_since: string | null;
  pass_last_id: number | null;
  pass_full: boolean;
  last_success_at: string | null;
  last_error: string | null;
}

const SECONDS = "'YYYY-MM-DD HH24:MI:SS'";

export async function readStreamState(db: Pool, stream: string): Promise<StreamState | null> {
  const { rows } = await db.query<StateRow>(
    `select stream, model, to_char(cursor, ${SECONDS}) as cursor, to_char(pass_hwm, ${SECONDS}) as pass_hwm,
            to_char(pass_since, ${SECONDS}) as pass_since, pass_last_id, pass_full,
            last_success_at::text, last_error
       from elt_stream_state where stream = $1`,
    [stream],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    stream: row.stream,
    model: row.model,
    cursor: row.cursor,
    pass: row.pass_last_id === null ? null : { hwm: row.pass_hwm, since: row.pass_since, lastId: Number(row.pass_last_id), full: row.pass_full },
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
  };
}

/** Records the start of a pass (no rows yet). */
export async function beginPass(db: Pool, stream: string, model: string, pass: PassState): Promise<void> {
  await db.query(
    `insert into elt_stream_state (stream, model, pass_hwm, pass_since, pass_last_id, pass_full, updated_at)
     values ($1, $2, $3, $4, $5, $6, now())
     on conflict (stream) do update set model = excluded.model, pass_hwm = excluded.pass_hwm,
       pass_since = excluded.pass_since, pass_last_id = excluded.pass_last_id, pass_full = excluded.pass_full, updated_at = now()`,
    [stream, model, pass.hwm, pass.since, pass.lastId, pass.full],
  );
}

export interface PageOptions extends LandOptions {
  /** The page covered the pass's ids up to this one (its records' highest id when unsaid). */
  readonly upTo?: number;
}

/** Lands one page and moves the pass's keyset position, in one transaction. Returns rows changed. */
export async function landPage(db: Pool, stream: string, model: string, records: readonly { id: number }[], options: PageOptions = {}): Promise<number> {
  const lastId = options.upTo ?? records.reduce((max, r) => (r.id > max ? r.id : max), 0);
  return inTransaction(db, async (client: PoolClient) => {
    const changed = await landRecords(client, model, records, options);
    await client.query(`update elt_stream_state set pass_last_id = greatest(pass_last_id, $2), updated_at = now() where stream = $1`, [stream, lastId]);
    return changed;
  });
}

/** Ends a pass: its high-water mark becomes the cursor. */
export async function completePass(db: Pool, stream: string): Promise<void> {
  await db.query(
    `update elt_stream_state
        set cursor = coalesce(pass_hwm, cursor), pass_hwm = null, pass_since = null, pass_last_id = null, pass_full = false,
            last_success_at = now(), last_error = null, updated_at = now()
      where stream = $1`,
    [stream],
  );
}

export async function recordStreamError(db: Pool, stream: string, model: string, message: string): Promise<void> {
  await db.query(
    `insert into elt_stream_state (stream, model, last_error, updated_at) values ($1, $2, $3, now())
     on conflict (stream) do update set last_error = excluded.last_error, updated_at = now()`,
    [stream, model, message],
  );
}
