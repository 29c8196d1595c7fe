/**
 * What the site reads from the warehouse, when it is reachable: each
 * relation's columns and types (pg_catalog), Odoo's labels of the staging
 * views' fields, row counts and the freshness `elt status` shows (its
 * queries, status.ts), and the incremental models' watermarks for their
 * compiled SQL. Read-only.
 */
import { readModelStatus, readStreamStatus, type ModelStatusRow, type StreamStatusRow } from '../db/status.ts';
import type { Pool } from '../db/pool.ts';
import { stagingViewName } from '../db/staging.ts';
import { readWatermarks } from '../transform/materialize.ts';
import type { DocColumn } from './manifest.ts';

export interface WarehouseFacts {
  /** Relation name -> its columns in order; a relation absent here is not built. */
  readonly columns: ReadonlyMap<string, readonly DocColumn[]>;
  /** Empty when the warehouse is not migrated (no framework tables). */
  readonly models: ReadonlyMap<string, ModelStatusRow>;
  readonly streams: ReadonlyMap<string, StreamStatusRow>;
  readonly watermarks: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** `streams`: stream name -> Odoo model, for the streams the site documents. */
export async function readWarehouse(db: Pool, relations: readonly string[], streams: ReadonlyMap<string, string>, incremental: readonly string[]): Promise<WarehouseFacts> {
  const { rows: [state] } = await db.query<{ migrated: boolean; fields: boolean }>(
    `select to_regclass('elt_model_state') is not null and to_regclass('elt_stream_state') is not null as migrated,
            to_regclass('elt_stream_fields') is not null as fields`,
  );
  const labels = state!.fields ? await fieldLabels(db) : new Map<string, string>();
  const columns = await relationColumns(db, relations, labels);
  if (!state!.migrated) return { columns, models: new Map(), streams: new Map(), watermarks: new Map() };
  const models = new Map((await readModelStatus(db)).map((m) => [m.model, m]));
  const streamRows = new Map((await readStreamStatus(db, streams)).map((s) => [s.stream, s]));
  const watermarks = new Map<string, Map<string, number>>();
  for (const model of incremental) watermarks.set(model, await readWatermarks(db, model));
  return { columns, models, streams: streamRows, watermarks };
}

interface ColumnRow {
  relation: string;
  name: string;
  type: string;
  comment: string | null;
}

async function relationColumns(db: Pool, relations: readonly string[], labels: ReadonlyMap<string, string>): Promise<Map<string, DocColumn[]>> {
  const { rows } = await db.query<ColumnRow>(
    `select c.relname as relation, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, col_description(c.oid, a.attnum) as comment
       from pg_class as c
       join pg_attribute as a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p', 'v', 'm') and c.relname = any($1::text[])
      order by c.relname, a.attnum`,
    [relations],
  );
  const result = new Map<string, DocColumn[]>();
  for (const row of rows) {
    const description = row.comment ?? labels.get(`${row.relation}.${row.name}`) ?? null;
    result.set(row.relation, [...(result.get(row.relation) ?? []), { name: row.name, type: row.type, description }]);
  }
  return result;
}

/** `stg_pos_order.partner_id` -> `Customer (many2one to res.partner)`: what Odoo's fields_get said, kept by extract. */
async function fieldLabels(db: Pool): Promise<Map<string, string>> {
  const { rows } = await db.query<{ stream: string; field: string; type: string; relation: string | null; label: string | null }>(
    `select stream, field, type, relation, label from elt_stream_fields`,
  );
  const labels = new Map<string, string>();
  for (const r of rows) {
    const type = r.relation ? `${r.type} to ${r.relation}` : r.type;
    labels.set(`${stagingViewName(r.stream)}.${r.field}`, r.label ? `${r.label} (${type})` : `(${type})`);
    // With extract.display_names, staging adds the name Odoo sends with a many2one's id (staging-sql.ts).
    if (r.type === 'many2one') labels.set(`${stagingViewName(r.stream)}.${r.field}__name`, `${r.label ?? r.field}: its display name`);
  }
  return labels;
}
