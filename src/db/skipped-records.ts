/** `elt_skipped_records`: records Odoo refused to read, kept until they land or are gone. */
import type { Pool } from './pool.ts';

export interface SkippedRecord {
  readonly id: number;
  readonly error: string;
}

export async function readSkipped(db: Pool, stream: string): Promise<number[]> {
  const { rows } = await db.query<{ id: string }>(`select id from elt_skipped_records where stream = $1 order by id`, [stream]);
  return rows.map((r) => Number(r.id));
}

/** Adds or refreshes (last_seen_at, error) the records still refused. */
export async function recordSkipped(db: Pool, stream: string, skipped: readonly SkippedRecord[]): Promise<void> {
  if (skipped.length === 0) return;
  await db.query(
    `insert into elt_skipped_records (stream, id, error)
     select $1, s.id, s.error from unnest($2::bigint[], $3::text[]) as s(id, error)
     on conflict (stream, id) do update set error = excluded.error, last_seen_at = now()`,
    [stream, skipped.map((s) => s.id), skipped.map((s) => s.error)],
  );
}

/** Forgets records that landed or that Odoo no longer has. */
export async function forgetSkipped(db: Pool, stream: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(`delete from elt_skipped_records where stream = $1 and id = any($2::bigint[])`, [stream, ids]);
}
