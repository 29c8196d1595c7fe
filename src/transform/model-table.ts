/**
 * The table a model fills. The default warehouse's tables are declared in
 * Drizzle and migrated (src/db/schema/declared-marts.ts): contracts, whose
 * columns a model must match exactly. Any other model owns its table, as in
 * dbt: made from its SELECT (column names and types as PostgreSQL infers
 * them, primary key from `unique_key`), and changed with it as
 * `on_schema_change` says.
 */
import type { PoolClient } from '../db/pool.ts';
import { quoteIdent } from '../db/identifiers.ts';
import { DECLARED_MARTS } from '../db/schema/declared-marts.ts';
import { checkColumns, tableColumns, type TableColumn } from './columns.ts';
import { ModelError } from './errors.ts';
import type { ModelFile } from './model-file.ts';

export interface ModelTable {
  readonly columns: readonly TableColumn[];
  /** Made by this run (or remade): it must be loaded whole, whatever the watermarks say. */
  readonly created: boolean;
}

/** Scratch table holding the SELECT's column types (dropped at commit). */
const PROBE = 'pg_temp.elt_probe';

/**
 * Checks a declared table against the SELECT, or makes the model's own table
 * match it. `table`: its columns as the caller read them (null: none yet).
 */
export async function prepareTable(
  db: PoolClient,
  model: ModelFile,
  sql: string,
  selected: readonly string[],
  fullRefresh: boolean,
  table: readonly TableColumn[] | null,
): Promise<ModelTable> {
  if (DECLARED_MARTS.has(model.name)) {
    if (!table) throw new ModelError(`${model.path}: table ${model.name} does not exist yet: run elt migrate (it is declared in src/db/schema/marts/)`);
    checkColumns(model, table, selected);
    await checkUniqueIndex(db, model, 'declared');
    return { columns: table, created: false };
  }
  const t = quoteIdent(model.name);
  const added = table ? selected.filter((name) => !table.some((have) => have.name === name)) : [];
  const gone = table ? table.filter((c) => !selected.includes(c.name) && c.name !== 'is_placeholder' && !c.hasDefault).map((c) => c.name) : [];
  // A full refresh of a table whose columns changed rebuilds it from the SELECT, as dbt does.
  const rebuild = table !== null && fullRefresh && (added.length > 0 || gone.length > 0);
  if (rebuild) await db.query(`drop table ${t}`);
  if (!table || rebuild) {
    const key = model.uniqueKey.length ? `,\n  primary key (${model.uniqueKey.map(quoteIdent).join(', ')})` : '';
    const types = await columnTypes(db, sql, selected);
    await db.query(`create table ${t} (\n  ${types.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(',\n  ')}${key}\n)`);
    return { columns: (await tableColumns(db, model.name))!, created: true };
  }
  let columns: readonly TableColumn[] = table;
  if (added.length || gone.length) {
    const change = [added.length && `new in the SELECT: ${added.join(', ')}`, gone.length && `gone from it: ${gone.join(', ')}`].filter(Boolean).join('; ');
    if (model.onSchemaChange === 'fail') {
      throw new ModelError(
        `${model.path}: the SELECT's columns changed (${change}): set on_schema_change: append_new_columns or sync_all_columns in its header, or rebuild the table with elt transform --full-refresh --select ${model.name}`,
      );
    }
    const types = added.length ? await columnTypes(db, sql, added) : [];
    for (const c of types) await db.query(`alter table ${t} add column ${quoteIdent(c.name)} ${c.type}`);
    if (model.onSchemaChange === 'sync_all_columns') for (const name of gone) await db.query(`alter table ${t} drop column ${quoteIdent(name)}`);
    columns = (await tableColumns(db, model.name))!;
  }
  const keyless = model.uniqueKey.filter((k) => !selected.includes(k));
  if (keyless.length) throw new ModelError(`${model.path}: unique_key columns not in the SELECT: ${keyless.join(', ')}`);
  await checkUniqueIndex(db, model, 'own');
  return { columns, created: false };
}

/** Column names and types of the SELECT, as PostgreSQL infers them (format_type: numeric, text, timestamp, bigint[] ...). */
export async function columnTypes(db: PoolClient, sql: string, selected: readonly string[]): Promise<Array<{ name: string; type: string }>> {
  await db.query(`create temp table ${PROBE} on commit drop as select ${selected.map((c) => `m.${quoteIdent(c)}`).join(', ')} from (\n${sql}\n) as m with no data`);
  const { rows } = await db.query<{ name: string; type: string }>(
    `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
      where attrelid = $1::regclass and attnum > 0 and not attisdropped order by attnum`,
    [PROBE],
  );
  await db.query(`drop table ${PROBE}`);
  // A column of unknown type (a bare NULL, say) would make a table nobody can fill.
  return rows.map((r) => ({ name: r.name, type: r.type === 'unknown' ? 'text' : r.type }));
}

/** The upsert of an incremental model needs a unique index on exactly its unique_key. */
async function checkUniqueIndex(db: PoolClient, model: ModelFile, kind: 'declared' | 'own'): Promise<void> {
  if (model.materialized !== 'incremental') return;
  const { rows } = await db.query<{ ok: boolean }>(
    `select exists (
       select 1 from pg_index as i
        where i.indrelid = to_regclass($1) and i.indisunique and i.indpred is null and i.indexprs is null
          and (select array_agg(a.attname::text order by a.attname::text) from pg_attribute as a
                where a.attrelid = i.indrelid and a.attnum = any(i.indkey)) = (select array_agg(k order by k) from unnest($2::text[]) as k)
     ) as ok`,
    [quoteIdent(model.name), model.uniqueKey],
  );
  if (rows[0]!.ok) return;
  const keys = model.uniqueKey.join(', ');
  const fix =
    kind === 'declared'
      ? `declare one in src/db/schema/marts/ (.primaryKey() or a uniqueIndex), run npm run db:generate, then elt migrate`
      : `add one (alter table ${model.name} add primary key (${keys})), or drop the table and the next run makes it from the SELECT`;
  throw new ModelError(`${model.path}: table ${model.name} has no primary key or unique index on (${keys}), which unique_key needs for its upsert: ${fix}`);
}
