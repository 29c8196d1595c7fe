/**
 * Typed staging, generated: for every landed stream a view `stg_<model>`
 * (`stg_pos_order_line`) with one typed column per field the stream lands,
 * from the types Odoo's `fields_get` reports (kept in `elt_stream_fields`),
 * custom `x_` fields included, plus the landing columns incremental models
 * need (the SELECT: staging-sql.ts).
 *
 * Expected fields (the default warehouse's contract with Odoo, in the
 * catalog) get a column too when the stream did not land them: NULL of the
 * expected type, so a model reading a field this Odoo lacks (another version,
 * a module not installed, a field excluded) reads NULL, as `data -> 'x'` of a
 * missing key did. `elt_stream_fields` keeps only what Odoo reported.
 *
 * Field names come from a remote server: a name that is not a plain
 * lowercase identifier (or would shadow a landing column) gets no column,
 * and the caller says so; the stream still lands.
 */
import { createHash } from 'node:crypto';
import { inTransaction, type Pool, type PoolClient } from './pool.ts';
import { quoteIdent } from './identifiers.ts';
import { isColumnName, stagingSelect, viewFields, type ExpectedFields } from './staging-sql.ts';

export interface StagingField {
  readonly name: string;
  /** Odoo's type: char, integer, float, monetary, many2one, ... */
  readonly type: string;
  readonly relation?: string | null;
  readonly label?: string | null;
}

export interface StagingOutcome {
  readonly view: string;
  /** False when Odoo reported the same fields as last time and the view was as it must be: nothing was written. */
  readonly changed: boolean;
  /** Fields that got no column: their names are not plain identifiers. */
  readonly refused: readonly string[];
  /** Fields new since the last extract (none on the first): rows landed before hold no value for them. */
  readonly added: readonly string[];
  /** Fields whose Odoo type changed since the last extract: their column's type follows. */
  readonly retyped: ReadonlyArray<{ field: string; from: string; to: string }>;
}

/** What shapes a view besides the fields landed. */
export interface ViewOptions {
  /** The default warehouse's fields: a column each, NULL when the stream did not land it. */
  readonly expected?: ExpectedFields;
  /** Many2one landed as `[id, name]`: each gets its `__name` column too (staging-sql.ts). */
  readonly displayNames?: boolean;
}

/** `stg_pos_order_line` for `pos.order.line`. */
export function stagingViewName(model: string): string {
  return `stg_${model.replaceAll('.', '_')}`;
}

/**
 * Records the stream's fields and (re)builds its view, in one transaction.
 * Each is written only when it differs: a quiet run (same fields, same
 * expected fields) writes nothing.
 */
export async function refreshStaging(db: Pool, model: string, fields: readonly StagingField[], options: ViewOptions = {}): Promise<StagingOutcome> {
  const view = stagingViewName(model);
  const sorted = [...fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const refused = sorted.filter((f) => !isColumnName(f.name)).map((f) => f.name);
  const typed = sorted.filter((f) => isColumnName(f.name));
  return inTransaction(db, async (client) => {
    const before = await recordedFields(client, model);
    const same = before.length === sorted.length &&
      before.every((r, i) => r.name === sorted[i]!.name && r.type === sorted[i]!.type && r.relation === (sorted[i]!.relation ?? null) && r.label === (sorted[i]!.label ?? null));
    if (!same) await recordFields(client, model, sorted);
    const rebuilt = await ensureView(client, model, typed, options);
    if (same) return { view, changed: rebuilt, refused, added: [], retyped: [] };
    const previous = new Map(before.map((r) => [r.name, r.type]));
    const retyped = typed.flatMap((f) => {
      const from = previous.get(f.name);
      return from !== undefined && from !== f.type ? [{ field: f.name, from, to: f.type }] : [];
    });
    const added = previous.size ? typed.filter((f) => !previous.has(f.name)).map((f) => f.name) : [];
    return { view, changed: true, refused, added, retyped };
  });
}

/**
 * The view of a stream Odoo did not report this run (a built-in model the
 * instance lacks, one turned off) or whose rows were landed by other means:
 * from the fields last recorded and the expected ones, so the models reading
 * it still run. With nothing ever recorded, the expected fields are read from
 * the raw rows as they are (a missing key is NULL). Records nothing; true
 * when the view was (re)built.
 */
export async function refreshRecordedStaging(db: Pool, model: string, options: ViewOptions = {}): Promise<boolean> {
  return inTransaction(db, async (client) => {
    const recorded = (await recordedFields(client, model)).filter((f) => isColumnName(f.name));
    const landed = recorded.length ? recorded : Object.entries(options.expected ?? {}).map(([name, type]) => ({ name, type }));
    return ensureView(client, model, landed, options);
  });
}

async function recordedFields(client: PoolClient, model: string): Promise<StagingField[]> {
  const { rows } = await client.query<{ name: string; type: string; relation: string | null; label: string | null }>(
    `select field as name, type, relation, label from elt_stream_fields where stream = $1 order by field collate "C"`,
    [model],
  );
  return rows;
}

async function recordFields(client: PoolClient, model: string, fields: readonly StagingField[]): Promise<void> {
  await client.query(`delete from elt_stream_fields where stream = $1`, [model]);
  if (fields.length === 0) return;
  await client.query(
    `insert into elt_stream_fields (stream, field, type, relation, label)
     select $1, f, t, r, l from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as u(f, t, r, l)`,
    [model, fields.map((f) => f.name), fields.map((f) => f.type), fields.map((f) => f.relation ?? null), fields.map((f) => f.label ?? null)],
  );
}

/**
 * The view's comment carries a hash of its SELECT: the view is replaced only
 * when that differs (fields reported, expected fields, display names or the
 * generator changed), so an unchanged stream replaces no view. True when replaced.
 */
async function ensureView(client: PoolClient, model: string, landed: readonly StagingField[], options: ViewOptions): Promise<boolean> {
  const view = stagingViewName(model);
  const sql = stagingSelect(model, viewFields(landed, options.expected ?? {}), options.displayNames);
  const comment = `typed staging of ${model}, generated by elt extract (${createHash('md5').update(sql).digest('hex')})`;
  const { rows } = await client.query<{ comment: string | null }>(`select obj_description(to_regclass($1), 'pg_class') as comment`, [quoteIdent(view)]);
  if (rows[0]?.comment === comment) return false;
  await replaceView(client, view, sql);
  // stagingSelect validated the model name (rawTableName) and the hash is hex: no quote reaches the literal.
  await client.query(`comment on view ${quoteIdent(view)} is '${comment}'`);
  return true;
}

/** In place when the columns only grew; dropped and made again when one went or changed type. */
async function replaceView(db: PoolClient, view: string, sql: string): Promise<void> {
  await db.query('savepoint stg_view');
  try {
    await db.query(`create or replace view ${quoteIdent(view)} as\n${sql}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P16') throw error;
    await db.query('rollback to savepoint stg_view');
    await db.query(`drop view ${quoteIdent(view)}`).catch((drop: { code?: string; message: string }) => {
      // 2BP01: a model's view reads it; the user decides, nothing is dropped behind their back.
      if (drop.code === '2BP01') throw new Error(`${view} cannot be rebuilt with its new columns: ${drop.message} (drop those views; elt transform makes them again)`);
      throw drop;
    });
    await db.query(`create view ${quoteIdent(view)} as\n${sql}`);
  }
}
