/**
 * Raw landing tables: one per stream, all from one template.
 *
 * Columns: `id` (the Odoo id), `write_date` (naive UTC, as Odoo sends it),
 * `data` (the record exactly as Odoo sent it), `extracted_at` (when this
 * version landed), `load_seq` (from the shared `elt_load_seq`; moves only when
 * the row really changed, which is what incremental models read),
 * `deleted_at` (set when the record is gone from Odoo) and `data_hash` (the
 * MD5 of the record's JSON as it was copied in: re-landing compares hashes,
 * not parsed documents, so an unchanged page costs little more than a COPY).
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient, Pool } from './pool.ts';
import { quoteIdent, rawTableName } from './identifiers.ts';

export async function ensureRawTable(db: Pool | PoolClient, model: string): Promise<string> {
  const table = rawTableName(model);
  const t = quoteIdent(table);
  await db.query(`
    create table if not exists ${t} (
      id bigint primary key,
      write_date timestamp,
      data jsonb not null,
      extracted_at timestamptz not null default now(),
      load_seq bigint not null default nextval('elt_load_seq'),
      deleted_at timestamptz,
      data_hash uuid
    )`);
  await addHashColumn(db, table);
  await db.query(`create index if not exists ${quoteIdent(`${table}_load_seq_idx`)} on ${t} (load_seq)`);
  return table;
}

/** Whether `table` (a validated name) exists, as the search path finds it. */
export async function tableExists(db: Pool | PoolClient, table: string): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>(`select to_regclass($1) is not null as ok`, [quoteIdent(table)]);
  return rows[0]!.ok;
}

/** Exact counts of a stream's raw rows, live and marked deleted; null when it has no raw table yet. */
export async function rawRowCounts(db: Pool | PoolClient, model: string): Promise<{ live: number; deleted: number } | null> {
  const table = rawTableName(model);
  if (!(await tableExists(db, table))) return null;
  const { rows } = await db.query<{ live: number; deleted: number }>(
    `select count(*) filter (where deleted_at is null)::int as live, count(*) filter (where deleted_at is not null)::int as deleted from ${quoteIdent(table)}`,
  );
  return rows[0]!;
}

/**
 * Lands one page of Odoo records, inside the caller's transaction (landPage's):
 * the rows travel by `COPY` (text format), the fastest way into PostgreSQL.
 * - Append: when every id in the page is above the table's highest id (a
 *   first load, or new records at the end of a keyset pass), nothing can
 *   conflict, so the page is copied straight into the raw table.
 * - Merge: otherwise it is copied into a per-connection temporary staging
 *   table and merged with a guarded upsert. Only rows that are new, whose
 *   hash differs or that were marked deleted reach the insert (and only they
 *   are parsed to jsonb), so re-landing an unchanged record rewrites nothing
 *   (same tuple, same `load_seq`). A differing hash over equal data (a table
 *   from before hashes) refreshes the hash alone and keeps `load_seq`.
 * Returns how many rows were inserted or whose data really changed.
 */
export async function landRecords(db: PoolClient, model: string, page: readonly object[], options: LandOptions = {}): Promise<number> {
  if (page.length === 0) return 0;
  const records = page as readonly LandedRecord[];
  const table = rawTableName(model);
  const t = quoteIdent(table);
  const text = copyText(records);
  // Landers of one table take turns, so no other page can slip an id above the max read here before this one commits.
  await db.query('select pg_advisory_xact_lock($1, $2)', [LANDING_LOCK_SPACE, lockKey(table)]);
  const { rows } = await db.query<{ max: number | string }>(`select coalesce(max(id), 0) as max from ${t}`);
  if (minId(records) > Number(rows[0]!.max)) {
    await copyIn(db, t, text);
    return records.length;
  }
  await db.query(`create temp table if not exists ${STAGE} (id bigint, write_date timestamp, data text, data_hash uuid); truncate ${STAGE}`);
  await copyIn(db, STAGE, text);
  const changed = '(raw.data is distinct from excluded.data or raw.write_date is distinct from excluded.write_date or raw.deleted_at is not null)';
  const merged = await db.query<{ changed: number }>(
    `with merged as (
       insert into ${t} as raw (id, write_date, data, data_hash)
       select s.id, s.write_date, s.data::jsonb, s.data_hash
         from ${STAGE} as s
         -- One index probe per staged row, whatever the table's size (offset 0 keeps the planner from a merge join that reads the table from its start).
         left join lateral (select cur.id, cur.data_hash, cur.deleted_at, cur.write_date, cur.data from ${t} as cur where cur.id = s.id offset 0) as cur on true
        where cur.id is null or cur.data_hash is distinct from s.data_hash or cur.deleted_at is not null
           or cur.write_date is distinct from s.write_date${options.compareData ? ' or cur.data is distinct from s.data::jsonb' : ''}
       on conflict (id) do update
          set write_date = excluded.write_date, data = excluded.data, data_hash = excluded.data_hash,
              extracted_at = case when ${changed} then now() else raw.extracted_at end,
              load_seq = case when ${changed} then nextval('elt_load_seq') else raw.load_seq end,
              deleted_at = null
        where ${changed} or raw.data_hash is distinct from excluded.data_hash
       -- A row whose data changed carries this transaction's now(); a refreshed hash keeps its older extracted_at.
       returning raw.extracted_at = now() as changed
     )
     select count(*) filter (where changed)::int as changed from merged`,
  );
  return merged.rows[0]!.changed;
}

/** Tables created before `data_hash` get it (and hash-refresh on their next landing); checked first, since ALTER locks out readers. */
async function addHashColumn(db: Pool | PoolClient, table: string): Promise<void> {
  const { rows } = await db.query(
    `select 1 from pg_attribute where attrelid = to_regclass($1) and attname = 'data_hash' and not attisdropped`,
    [quoteIdent(table)],
  );
  if (rows.length === 0) await db.query(`alter table ${quoteIdent(table)} add column if not exists data_hash uuid`);
}

export interface LandOptions {
  /**
   * Compare every record's data, not only its hash: a full pass uses it, so
   * a raw row edited behind the tool's back (its stored hash then lies) is
   * repaired by `--full-refresh`. Costs the jsonb parse the hash saves.
   */
  readonly compareData?: boolean;
}

/** A record as Odoo sends it: an id, usually a `write_date`, any other fields. */
export type LandedRecord = { readonly id: number } & Readonly<Record<string, unknown>>;

/** The staging table, in this session's temporary schema (never a user's table of the same name). */
const STAGE = 'pg_temp.elt_stage';
/** First key of the per-table landing locks ("lan" in ASCII); the warehouse lock uses another. */
const LANDING_LOCK_SPACE = 0x6c616e;

/**
 * Rows in COPY's text format: `id`, `write_date` (`\N` when Odoo sent none),
 * the record's JSON and its MD5 (hex, which uuid input takes). JSON.stringify leaves no raw tab, newline or carriage
 * return, but its escapes carry backslashes, which COPY would eat.
 */
export function copyText(records: readonly LandedRecord[], { hash = true } = {}): string {
  let text = '';
  for (const record of records) {
    const writeDate = record.write_date;
    const json = JSON.stringify(record);
    text += `${copyField(String(record.id))}\t${typeof writeDate === 'string' ? copyField(writeDate) : '\\N'}\t${copyField(json)}${hash ? `\t${createHash('md5').update(json).digest('hex')}` : ''}\n`;
  }
  return text;
}

const COPY_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function copyField(value: string): string {
  return value.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]!);
}

async function copyIn(db: PoolClient, table: string, text: string): Promise<void> {
  await pipeline(Readable.from([Buffer.from(text, 'utf8')]), db.query(copyFrom(`copy ${table} (id, write_date, data, data_hash) from stdin`)));
}

function minId(records: readonly LandedRecord[]): number {
  let min = Infinity;
  for (const { id } of records) if (id < min) min = id;
  return min;
}

/** FNV-1a of the table name, as a signed 32-bit advisory lock key. */
function lockKey(table: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < table.length; i++) hash = Math.imul(hash ^ table.charCodeAt(i), 0x01000193);
  return hash | 0;
}
