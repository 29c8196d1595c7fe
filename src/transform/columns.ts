/** Compares what a model's SELECT produces with the table it fills, and names every difference. */
import type { PoolClient } from '../db/pool.ts';
import { ModelError } from './errors.ts';
import type { ModelFile } from './model-file.ts';

export interface TableColumn {
  readonly name: string;
  readonly hasDefault: boolean;
}

export async function tableColumns(db: PoolClient, table: string): Promise<TableColumn[] | null> {
  const { rows } = await db.query<{ name: string; has_default: boolean }>(
    `select column_name as name, (column_default is not null or is_identity = 'YES') as has_default
       from information_schema.columns
      where table_schema = current_schema() and table_name = $1
      order by ordinal_position`,
    [table],
  );
  return rows.length ? rows.map((r) => ({ name: r.name, hasDefault: r.has_default })) : null;
}

/** What precedes the model's SQL in selectColumns' statement (error positions are counted from it). */
export const SELECT_PREFIX = 'select * from (';

/** The SELECT's column names, from a plan-only run of it (`limit 0`). */
export async function selectColumns(db: PoolClient, model: ModelFile, sql: string): Promise<string[]> {
  const result = await db.query(`${SELECT_PREFIX}${sql}\n) as model limit 0`);
  const names = result.fields.map((f) => f.name);
  const dupes = names.filter((n, i) => names.indexOf(n) !== i);
  if (dupes.length) throw new ModelError(`${model.path}: the SELECT returns ${dupes.join(', ')} more than once`);
  return names;
}

/** Throws unless every selected column is in the table and every table column without a default is selected. */
export function checkColumns(model: ModelFile, table: readonly TableColumn[], selected: readonly string[]): void {
  const inTable = new Set(table.map((c) => c.name));
  const chosen = new Set(selected);
  const extra = selected.filter((c) => !inTable.has(c));
  const missing = table.filter((c) => !chosen.has(c.name) && !c.hasDefault).map((c) => c.name);
  const keyless = model.uniqueKey.filter((k) => !chosen.has(k));
  const parts = [
    extra.length && `in the SELECT but not in table ${model.name}: ${extra.join(', ')}`,
    missing.length && `in table ${model.name} but not in the SELECT: ${missing.join(', ')}`,
    keyless.length && `unique_key columns not in the SELECT: ${keyless.join(', ')}`,
  ].filter(Boolean);
  if (parts.length) throw new ModelError(`${model.path}: columns differ from the table: ${parts.join('; ')}`);
}
