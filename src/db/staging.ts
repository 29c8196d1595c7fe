/**
 * Typed staging, generated: for every landed stream a view `stg_<model>`
 * (`stg_pos_order_line`) with one typed column per field the stream lands,
 * from the types Odoo's `fields_get` reports (kept in `elt_stream_fields`),
 * custom `x_` fields included, plus the landing columns incremental models
 * need. The view reads the raw table through the inlinable Odoo helpers
 * (migrations/0002_odoo_helpers.sql), so the planner flattens it into the
 * query that reads it.
 *
 * Field names come from a remote server: a name that is not a plain
 * lowercase identifier (or would shadow a landing column) gets no column,
 * and the caller says so; the stream still lands.
 */
import { inTransaction, type Pool, type PoolClient } from './pool.ts';
import { quoteIdent, rawTableName } from './identifiers.ts';

export interface StagingField {
  readonly name: string;
  /** Odoo's type: char, integer, float, monetary, many2one, ... */
  readonly type: string;
  readonly relation?: string | null;
  readonly label?: string | null;
}

export interface StagingOutcome {
  readonly view: string;
  /** False when Odoo reported the same fields as last time and the view was there: nothing was written. */
  readonly changed: boolean;
  /** Fields that got no column: their names are not plain identifiers. */
  readonly refused: readonly string[];
  /** Fields new since the last extract (none on the first): rows landed before hold no value for them. */
  readonly added: readonly string[];
  /** Fields whose Odoo type changed since the last extract: their column's type follows. */
  readonly retyped: ReadonlyArray<{ field: string; from: string; to: string }>;
}

/** Landing columns every staging view ends with (what `{{ changed(alias) }}` and delete handling read). */
const LANDING = ['load_seq', 'deleted_at', 'extracted_at'] as const;
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** `stg_pos_order_line` for `pos.order.line`. */
export function stagingViewName(model: string): string {
  return `stg_${model.replaceAll('.', '_')}`;
}

/**
 * Records the stream's fields and (re)builds its view, in one transaction;
 * when Odoo reports the same fields as last time, it only reads: a quiet run
 * replaces no view.
 */
export async function refreshStaging(db: Pool, model: string, fields: readonly StagingField[]): Promise<StagingOutcome> {
  const view = stagingViewName(model);
  const sorted = [...fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const refused = sorted.filter((f) => !IDENTIFIER.test(f.name) || (LANDING as readonly string[]).includes(f.name)).map((f) => f.name);
  const typed = sorted.filter((f) => !refused.includes(f.name));
  return inTransaction(db, async (client) => {
    const { rows: before } = await client.query<{ field: string; type: string; relation: string | null; label: string | null; view: boolean }>(
      `select field, type, relation, label, to_regclass($2) is not null as view from elt_stream_fields where stream = $1 order by field collate "C"`,
      [model, quoteIdent(view)],
    );
    const same = before.length === sorted.length && before[0]?.view === true &&
      before.every((r, i) => r.field === sorted[i]!.name && r.type === sorted[i]!.type && r.relation === (sorted[i]!.relation ?? null) && r.label === (sorted[i]!.label ?? null));
    if (same) return { view, changed: false, refused, added: [], retyped: [] };
    const previous = new Map(before.map((r) => [r.field, r.type]));
    await client.query(`delete from elt_stream_fields where stream = $1`, [model]);
    if (sorted.length) {
      await client.query(
        `insert into elt_stream_fields (stream, field, type, relation, label)
         select $1, f, t, r, l from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as u(f, t, r, l)`,
        [model, sorted.map((f) => f.name), sorted.map((f) => f.type), sorted.map((f) => f.relation ?? null), sorted.map((f) => f.label ?? null)],
      );
    }
    await replaceView(client, view, viewSql(model, typed));
    const retyped = typed.flatMap((f) => {
      const from = previous.get(f.name);
      return from !== undefined && from !== f.type ? [{ field: f.name, from, to: f.type }] : [];
    });
    const added = previous.size ? typed.filter((f) => !previous.has(f.name)).map((f) => f.name) : [];
    return { view, changed: true, refused, added, retyped };
  });
}

function viewSql(model: string, fields: readonly StagingField[]): string {
  // id first (the raw table's key, indexed), the fields in name order, then the landing columns.
  const columns = ['r.id', ...fields.filter((f) => f.name !== 'id').map((f) => `${typedValue(f)} as ${quoteIdent(f.name)}`), ...LANDING.map((c) => `r.${c}`)];
  return `select ${columns.join(',\n       ')}\n  from ${quoteIdent(rawTableName(model))} as r`;
}

/** One field of `r.data` as its SQL type: Odoo's `false` (empty) is NULL, except for booleans. */
function typedValue(field: StagingField): string {
  if (field.name === 'write_date') return 'r.write_date'; // the raw table's own column, same value
  const v = `r.data -> '${field.name}'`;
  switch (field.type) {
    case 'integer':
    case 'many2one_reference':
      return `odoo_int(${v})`;
    case 'float':
    case 'monetary':
      return `odoo_num(${v})`;
    case 'boolean':
      return `odoo_bool(${v})`;
    case 'char':
    case 'text':
    case 'html':
    case 'selection':
    case 'reference':
      return `odoo_text(${v})`;
    case 'date':
      return `odoo_date(${v})`;
    case 'datetime':
      // UTC, as Odoo stores it: a timestamp without time zone.
      return `(odoo_ts(${v}) at time zone 'UTC')`;
    case 'many2one':
      return `odoo_id(${v})`;
    case 'one2many':
    case 'many2many':
      return `odoo_ids(${v})`;
    default:
      // json, properties and types to come: the value as Odoo sent it, false as NULL.
      return `nullif(${v}, 'false'::jsonb)`;
  }
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
