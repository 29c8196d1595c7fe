/**
 * What a stream's raw rows were hashed with (elt_stream_state.hash_fields and
 * hash_key_fingerprint): its hashed fields and a fingerprint of ELT_HASH_KEY,
 * never the key. A stream that never hashed has no fields and no fingerprint.
 */
import type { Pool } from './pool.ts';
import { quoteIdent, rawTableName } from './identifiers.ts';

export interface HashSpec {
  /** Sorted field names. */
  readonly fields: readonly string[];
  /** Null when no field is hashed; REHASHING while a full refresh changes the spec. */
  readonly fingerprint: string | null;
}

/**
 * Stored while a full refresh re-lands a stream with another key or field
 * list, until it completes: it matches no real spec, so a run without
 * --full-refresh is refused meanwhile, even after the key is changed back.
 */
export const REHASHING = 'rehashing';

export const NO_HASHING: HashSpec = { fields: [], fingerprint: null };

export async function readHashSpec(db: Pool, stream: string): Promise<HashSpec> {
  const { rows } = await db.query<{ fields: string[]; fingerprint: string | null }>(
    `select hash_fields as fields, hash_key_fingerprint as fingerprint from elt_stream_state where stream = $1`,
    [stream],
  );
  return rows[0] ? { fields: [...rows[0].fields].sort(), fingerprint: rows[0].fingerprint } : NO_HASHING;
}

export async function writeHashSpec(db: Pool, stream: string, model: string, spec: HashSpec): Promise<void> {
  await db.query(
    `insert into elt_stream_state (stream, model, hash_fields, hash_key_fingerprint, updated_at) values ($1, $2, $3, $4, now())
     on conflict (stream) do update set hash_fields = excluded.hash_fields, hash_key_fingerprint = excluded.hash_key_fingerprint, updated_at = now()`,
    [stream, model, spec.fields, spec.fingerprint],
  );
}

export function sameHashSpec(a: HashSpec, b: HashSpec): boolean {
  return a.fingerprint === b.fingerprint && a.fields.length === b.fields.length && a.fields.every((f, i) => f === b.fields[i]);
}

/** Whether the stream's raw table holds any row, deleted ones included. */
export async function hasRawRows(db: Pool, model: string): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>(`select exists (select 1 from ${quoteIdent(rawTableName(model))}) as any`);
  return rows[0]!.any;
}

/**
 * Removes `fields` from the rows a full refresh could not re-read: records
 * gone from Odoo (deleted_at) and records it refused to read (still in
 * elt_skipped_records). Their values were hashed with the old key, or not at
 * all. The row moves on (`load_seq`), so incremental models drop the values
 * too; `data_hash` no longer describes the data, so it is cleared. Returns
 * how many rows changed.
 */
export async function blankUnreadRows(db: Pool, stream: string, model: string, fields: readonly string[]): Promise<number> {
  if (fields.length === 0) return 0;
  const result = await db.query(
    `update ${quoteIdent(rawTableName(model))} as raw
        set data = raw.data - $2::text[], data_hash = null, extracted_at = now(), load_seq = nextval('elt_load_seq')
      where (raw.deleted_at is not null or exists (select 1 from elt_skipped_records s where s.stream = $1 and s.id = raw.id))
        and exists (select 1 from unnest($2::text[]) as f(name) where coalesce(raw.data -> f.name, 'false') not in ('false', 'null'))`,
    [stream, fields],
  );
  return result.rowCount ?? 0;
}
