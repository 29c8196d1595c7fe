/**
 * Runs one model inside the caller's transaction: the watermarks it consumed
 * move in the same transaction as the rows, so a failed or killed run leaves
 * both as they were.
 */
import type { Pool, PoolClient } from '../db/pool.ts';
import { quoteIdent, rawTableName } from '../db/identifiers.ts';
import { renderModel, type Compiled, type Vars } from './compile.ts';
import { selectColumns, SELECT_PREFIX, tableColumns } from './columns.ts';
import { prepareTable } from './model-table.ts';
import { ModelError } from './errors.ts';
import type { ModelFile } from './model-file.ts';
import { linkReferences } from './references.ts';
import { atModelLine } from './sql-position.ts';
import { startSwap } from './swap-table.ts';
import { runSnapshot } from './snapshot.ts';

/** Per-transaction scratch table of the rows a model wrote (dropped at commit). */
const WRITTEN = 'pg_temp.elt_written';

export interface MaterializeOptions {
  readonly fullRefresh: boolean;
  readonly vars: Vars;
  readonly timezone: string;
  /** Says (at debug level) why a table was refreshed in place rather than swapped. */
  readonly log?: (obj: object, msg: string) => void;
}

export interface Materialized {
  /** Rows written (inserted or really changed, or removed), or null for a view. */
  readonly rows: number | null;
  /** The SELECT as this run executed it (placeholders rendered, this run's watermarks). */
  readonly sql: string;
}

export async function materialize(db: PoolClient, model: ModelFile, options: MaterializeOptions): Promise<Materialized> {
  await db.query(`select set_config('elt.timezone', $1, true)`, [options.timezone]);
  // Raw tables' statistics lag a load; JIT then compiles for millions of estimated rows
  // and costs seconds on queries that touch a handful (measured: 1.15 s of a 1.18 s run).
  await db.query(`set local jit = off`);
  const t = quoteIdent(model.name);
  if (model.materialized === 'snapshot') return runSnapshot(db, model, options.vars);
  if (model.materialized === 'view') {
    const view = renderModel(model, { watermarks: null, vars: options.vars });
    await createView(db, t, model, view);
    return { rows: null, sql: view.sql };
  }
  const incremental = model.materialized === 'incremental';
  const previous = incremental ? await readWatermarks(db, model.name) : new Map<string, number>();
  const existing = await tableColumns(db, model.name);
  // A table made by this run starts empty whatever watermarks a former one left: read everything.
  const full = options.fullRefresh || !incremental || previous.size === 0 || existing === null;
  let compiled = renderModel(model, { watermarks: full ? null : previous, vars: options.vars });
  // The first statement that parses the SQL: its errors are placed in the model's file.
  const output = await selectColumns(db, model, compiled.sql).catch((error: unknown) => {
    throw atModelLine(error, model, compiled, SELECT_PREFIX.length);
  });
  const deletes = deleteHandling(model, output);
  // With on_delete: delete, deleted_at only says which rows go: it is not a column of the table.
  const selected = deletes === 'remove' ? output.filter((c) => c !== DELETED_AT) : output;
  const { columns: table, created } = await prepareTable(db, model, compiled.sql, selected, options.fullRefresh, existing);
  if (created && !full) compiled = renderModel(model, { watermarks: null, vars: options.vars });
  const sql = compiled.sql;

  const next = incremental ? await currentWatermarks(db, model) : null;
  // An incremental run deletes only rows whose record is gone; the upsert rewrites only rows that changed.
  const emptied = options.fullRefresh || !incremental || created;
  // Rebuilt whole: into a new table swapped in at the end (swap-table.ts), or emptied in place.
  const swap = emptied && !created ? await startSwap(db, model.name) : null;
  if (swap && !swap.swap) {
    options.log?.({ model: model.name, reason: swap.blocker }, `${model.name} is refreshed in place (delete, then insert), not rebuilt and swapped: ${swap.blocker}`);
    await db.query(`delete from ${t}`);
  }
  const target = swap?.swap?.table ?? t;
  const cols = selected.map(quoteIdent);
  const placeholder = table.some((c) => c.name === 'is_placeholder') && !selected.includes('is_placeholder');
  const insertCols = placeholder ? [...cols, '"is_placeholder"'] : cols;
  const values = placeholder ? [...cols.map((c) => `m.${c}`), 'false'] : cols.map((c) => `m.${c}`);
  // Rows of records gone from Odoo leave a table that was not emptied first. The model's rows
  // are then read once, by that delete and by the insert.
  const removeGone = deletes === 'remove' && !emptied;
  const ctes: string[] = [`m as ${removeGone ? 'materialized' : 'not materialized'} (\n${sql}\n)`];
  const keep = deletes === 'remove' ? ' where m.deleted_at is null' : '';
  if (removeGone) {
    const match = model.uniqueKey.map((k) => `d.${quoteIdent(k)} = m.${quoteIdent(k)}`).join(' and ');
    ctes.push(`gone as (delete from ${t} as d using m where m.deleted_at is not null and ${match} returning 1)`);
  }
  let insert = `insert into ${target} as t (${insertCols.join(', ')})\nselect ${values.join(', ')} from m${keep}`;
  // Into an emptied table nothing can conflict: a plain insert skips the speculative insertion ON CONFLICT costs.
  if (incremental && !emptied) {
    const keys = new Set(model.uniqueKey);
    const updatable = insertCols.filter((c) => !keys.has(c.slice(1, -1)));
    insert += `\non conflict (${model.uniqueKey.map(quoteIdent).join(', ')}) do `;
    insert += updatable.length
      ? `update set ${updatable.map((c) => `${c} = excluded.${c}`).join(', ')}\n where (${updatable.map((c) => `t.${c}`).join(', ')}) is distinct from (${updatable.map((c) => `excluded.${c}`).join(', ')})`
      : 'nothing';
  }
  // The reference columns of the rows an incremental run wrote go to a temporary table, so
  // linking missing references looks at those rows only, not at the whole fact on every run.
  // A table rebuilt whole was all written: linking reads it directly (no copy of every row).
  const refColumns = [...new Set(model.references.map((r) => quoteIdent(r.column)))];
  const listWritten = refColumns.length > 0 && !emptied;
  ctes.push(`written as (${insert}\nreturning ${listWritten ? refColumns.map((c) => `t.${c}`).join(', ') : '1'})`);
  if (listWritten) {
    await db.query(`create temp table ${WRITTEN} on commit drop as select ${refColumns.join(', ')} from ${target} limit 0`);
    ctes.push(`kept as (insert into ${WRITTEN} select * from written)`);
  }
  const removed = removeGone ? '(select count(*) from gone)' : '0';
  const statement = `with ${ctes.join(',\n')}\nselect (select count(*) from written)::bigint + ${removed} as rows`;
  const result = await db.query<{ rows: string }>(statement).catch((error: { code?: string; message: string }) => {
    // 21000: ON CONFLICT met the same key twice; 23505: a plain insert into an emptied table did.
    if (error.code === '21000' || (incremental && emptied && error.code === '23505')) throw new ModelError(`${model.path}: the SELECT returns the same unique_key (${model.uniqueKey.join(', ')}) more than once`);
    throw error;
  });
  await swap?.swap?.finish().catch((error: { code?: string }) => {
    // The key is built after the rows are in: a repeated key shows here.
    if (error.code === '23505' && model.uniqueKey.length) throw new ModelError(`${model.path}: the SELECT returns the same unique_key (${model.uniqueKey.join(', ')}) more than once`);
    throw error;
  });
  if (next) await writeWatermarks(db, model.name, next);
  if (refColumns.length) await linkReferences(db, model, listWritten ? WRITTEN : t);
  return { rows: Number(result.rows[0]!.rows), sql };
}

const DELETED_AT = 'deleted_at';

/**
 * `remove`: the SELECT flags gone records with deleted_at and on_delete is
 * delete; `store`: deleted_at is an ordinary column (on_delete: flag);
 * `none`: the SELECT says nothing about deletes.
 */
function deleteHandling(model: ModelFile, output: readonly string[]): 'remove' | 'store' | 'none' {
  const flagged = output.includes(DELETED_AT);
  if (model.onDelete === 'flag') {
    if (!flagged) throw new ModelError(`${model.path}: on_delete: flag needs the SELECT to return a deleted_at column (e.g. o.deleted_at from the raw table)`);
    return 'store';
  }
  return flagged ? 'remove' : 'none';
}

async function createView(db: PoolClient, view: string, model: ModelFile, compiled: Compiled): Promise<void> {
  const replace = `create or replace view ${view} as\n`;
  await db.query('savepoint replace_view');
  try {
    await db.query(`${replace}${compiled.sql}`);
  } catch (error) {
    // A view whose columns changed cannot be replaced in place (42P16): recreate it.
    if ((error as { code?: string }).code !== '42P16') throw atModelLine(error, model, compiled, replace.length);
    await db.query('rollback to savepoint replace_view');
    await db.query(`drop view ${view}`);
    const create = `create view ${view} as\n`;
    await db.query(`${create}${compiled.sql}`).catch((again: unknown) => {
      throw atModelLine(again, model, compiled, create.length);
    });
  }
}

/** Per source, the load_seq the model has consumed up to (empty before its first run). */
export async function readWatermarks(db: Pool | PoolClient, model: string): Promise<Map<string, number>> {
  const { rows } = await db.query<{ source: string; load_seq: number }>(`select source, load_seq from elt_model_watermarks where model = $1`, [model]);
  return new Map(rows.map((r) => [r.source, Number(r.load_seq)]));
}

/** Each source's highest load_seq now: what this run consumes up to. */
async function currentWatermarks(db: PoolClient, model: ModelFile): Promise<Map<string, number>> {
  const marks = new Map<string, number>();
  for (const source of model.sources) {
    const table = rawTableName(source);
    if (!(await db.query(`select to_regclass($1) as t`, [table])).rows[0].t) {
      throw new ModelError(`${model.path}: ${table} does not exist: enable stream ${source} and run elt migrate`);
    }
    const { rows } = await db.query<{ m: number }>(`select coalesce(max(load_seq), 0) as m from ${quoteIdent(table)}`);
    marks.set(source, Number(rows[0]!.m));
  }
  return marks;
}

async function writeWatermarks(db: PoolClient, model: string, marks: ReadonlyMap<string, number>): Promise<void> {
  await db.query(`delete from elt_model_watermarks where model = $1`, [model]);
  for (const [source, seq] of marks) {
    await db.query(`insert into elt_model_watermarks (model, source, load_seq) values ($1, $2, $3)`, [model, source, seq]);
  }
}
