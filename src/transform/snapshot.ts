/**
 * Snapshots, as dbt defines them: history (SCD type 2) of what a SELECT
 * returns, one row per version with `valid_from` and `valid_to` (NULL while
 * current). Each run reads the whole SELECT; a record whose `updated_at` is
 * newer (strategy: timestamp) or whose `check_cols` differ (strategy: check)
 * gets its current version closed and a new one; a new record gets its first;
 * a record gone from the SELECT (or with a `deleted_at`) has its current
 * version closed (hard_deletes: invalidate) or kept (ignore). A run with no
 * change writes nothing. A full refresh never rebuilds one: history cannot
 * be read again from Odoo.
 */
import type { PoolClient } from '../db/pool.ts';
import { quoteIdent } from '../db/identifiers.ts';
import { selectColumns, SELECT_PREFIX, tableColumns } from './columns.ts';
import { renderModel, type Vars } from './compile.ts';
import { ModelError } from './errors.ts';
import type { ModelFile } from './model-file.ts';
import { columnTypes } from './model-table.ts';
import { atModelLine } from './sql-position.ts';

/** This run's rows of the SELECT, with each one's valid_from (dropped at commit). */
const SOURCE = 'pg_temp.elt_snapshot';
const VALID = ['valid_from', 'valid_to'];

export async function runSnapshot(db: PoolClient, model: ModelFile, vars: Vars): Promise<{ rows: number; sql: string }> {
  const config = model.snapshot!;
  const compiled = renderModel(model, { watermarks: null, vars });
  const output = await selectColumns(db, model, compiled.sql).catch((error: unknown) => {
    throw atModelLine(error, model, compiled, SELECT_PREFIX.length);
  });
  const columns = output.filter((c) => c !== 'deleted_at');
  const need = [...model.uniqueKey, ...(config.strategy === 'timestamp' ? [config.updatedAt] : config.checkCols === 'all' ? [] : config.checkCols)];
  const missing = need.filter((c) => !columns.includes(c));
  if (missing.length) throw new ModelError(`${model.path}: the SELECT has no column ${missing.join(', ')}, which the snapshot's header names`);
  const reserved = columns.filter((c) => VALID.includes(c));
  if (reserved.length) throw new ModelError(`${model.path}: ${reserved.join(', ')} is the snapshot's own column: rename it in the SELECT`);

  const types = await columnTypes(db, compiled.sql, columns);
  const t = quoteIdent(model.name);
  await prepareSnapshotTable(db, model, t, types);
  const q = (c: string) => quoteIdent(c);
  const validFrom = config.strategy === 'check' ? 'now()' : asTimestamptz(model, config.updatedAt, types.find((c) => c.name === config.updatedAt)!.type);
  const live = output.includes('deleted_at') ? ' where m.deleted_at is null' : '';
  await db.query(
    `create temp table ${SOURCE} on commit drop as select ${columns.map((c) => `m.${q(c)}`).join(', ')}, ${validFrom} as elt_valid_from from (\n${compiled.sql}\n) as m${live}`,
  );
  const keys = model.uniqueKey.map(q);
  const { rows: dupes } = await db.query(`select 1 from ${SOURCE} group by ${keys.join(', ')} having count(*) > 1 limit 1`);
  if (dupes.length) throw new ModelError(`${model.path}: the SELECT returns the same unique_key (${model.uniqueKey.join(', ')}) more than once`);

  const match = keys.map((k) => `t.${k} = s.${k}`).join(' and ');
  const compared = config.checkCols === 'all' ? columns.filter((c) => !model.uniqueKey.includes(c)) : config.checkCols;
  const changed = config.strategy === 'timestamp'
    ? 's.elt_valid_from > t.valid_from'
    : `(${compared.map((c) => `t.${q(c)}`).join(', ')}) is distinct from (${compared.map((c) => `s.${q(c)}`).join(', ')})`;
  // Close the current version of each changed record, then give every record without an open version a new one.
  await db.query(`update ${t} as t set valid_to = s.elt_valid_from from ${SOURCE} as s where ${match} and t.valid_to is null and ${changed}`);
  const inserted = await db.query(
    `insert into ${t} (${columns.map(q).join(', ')}, valid_from, valid_to)
     select ${columns.map((c) => `s.${q(c)}`).join(', ')}, s.elt_valid_from, null from ${SOURCE} as s
      where not exists (select 1 from ${t} as t where ${match} and t.valid_to is null)`,
  );
  let closed = 0;
  if (config.hardDeletes === 'invalidate') {
    const gone = await db.query(`update ${t} as t set valid_to = now() where t.valid_to is null and not exists (select 1 from ${SOURCE} as s where ${match})`);
    closed = gone.rowCount ?? 0;
  }
  await db.query(`drop table ${SOURCE}`);
  return { rows: (inserted.rowCount ?? 0) + closed, sql: compiled.sql };
}

/** Made on the first run from the SELECT; a column new in the SELECT is added later (older versions hold NULL), none is ever dropped. */
async function prepareSnapshotTable(db: PoolClient, model: ModelFile, t: string, types: ReadonlyArray<{ name: string; type: string }>): Promise<void> {
  const existing = await tableColumns(db, model.name);
  if (existing === null) {
    const cols = types.map((c) => `${quoteIdent(c.name)} ${c.type}`);
    await db.query(`create table ${t} (\n  ${[...cols, 'valid_from timestamptz not null', 'valid_to timestamptz'].join(',\n  ')}\n)`);
    // One open version per record: what makes "the current row" a lookup, and a bug loud.
    await db.query(`create unique index ${quoteIdent(`${model.name}_current`.slice(0, 63))} on ${t} (${model.uniqueKey.map(quoteIdent).join(', ')}) where valid_to is null`);
    return;
  }
  if (!existing.some((c) => c.name === 'valid_from') || !existing.some((c) => c.name === 'valid_to')) {
    throw new ModelError(`${model.path}: table ${model.name} exists but is not a snapshot (no valid_from, valid_to): drop it or name the snapshot otherwise`);
  }
  for (const c of types) if (!existing.some((e) => e.name === c.name)) await db.query(`alter table ${t} add column ${quoteIdent(c.name)} ${c.type}`);
}

function asTimestamptz(model: ModelFile, column: string, type: string): string {
  const c = `m.${quoteIdent(column)}`;
  if (type === 'timestamp with time zone') return c;
  // Odoo's datetimes (staging views) are naive UTC.
  if (type === 'timestamp without time zone') return `(${c} at time zone 'UTC')`;
  if (type === 'date') return `(${c}::timestamp at time zone 'UTC')`;
  throw new ModelError(`${model.path}: updated_at ${column} is ${type}: strategy: timestamp needs a timestamp column (or use strategy: check)`);
}
