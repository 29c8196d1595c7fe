/**
 * The SELECT of a staging view `stg_<model>`: each field of the raw table's
 * `data` as its SQL type, read through the inlinable Odoo helpers
 * (migrations/0002_odoo_helpers.sql), so the planner flattens the view into
 * the query that reads it and a model pays nothing over decoding JSON by hand.
 */
import { quoteIdent, rawTableName } from './identifiers.ts';

/** Odoo field types a staging column is typed from; any other type reads as jsonb. */
export type OdooFieldType =
  | 'integer' | 'float' | 'monetary' | 'boolean' | 'char' | 'text' | 'html' | 'selection' | 'reference'
  | 'date' | 'datetime' | 'many2one' | 'many2one_reference' | 'one2many' | 'many2many' | 'json' | 'properties';

/** Field name -> the Odoo type a model reads it as: columns a view has even when Odoo lacks the field. */
export type ExpectedFields = Readonly<Record<string, OdooFieldType>>;

/** A column of the view: a field the stream landed (typed as Odoo reported it), or one only expected (NULL). */
export interface ViewField {
  readonly name: string;
  readonly type: string;
  readonly landed: boolean;
}

/** Landing columns every staging view ends with (what `{{ changed(alias) }}` and delete handling read). */
export const LANDING = ['load_seq', 'deleted_at', 'extracted_at'] as const;

/**
 * With display names landed (elt.yml's extract.display_names), a many2one
 * `partner_id` also gets `partner_id__name`: the name Odoo sent in the pair.
 * Without them (the default) there is no such column: a model reading one
 * fails by name rather than reading NULLs.
 */
export const NAME_SUFFIX = '__name';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Whether a field name can be a column: a plain lowercase identifier that shadows no landing column. */
export function isColumnName(name: string): boolean {
  return IDENTIFIER.test(name) && !(LANDING as readonly string[]).includes(name);
}

interface Reading {
  readonly sql: string;
  readonly read: (v: string) => string;
}

/** Odoo's `false` (empty) is NULL, except for booleans. */
const READINGS: Readonly<Record<string, Reading>> = {
  integer: { sql: 'bigint', read: (v) => `odoo_int(${v})` },
  many2one_reference: { sql: 'bigint', read: (v) => `odoo_int(${v})` },
  float: { sql: 'numeric', read: (v) => `odoo_num(${v})` },
  monetary: { sql: 'numeric', read: (v) => `odoo_num(${v})` },
  boolean: { sql: 'boolean', read: (v) => `odoo_bool(${v})` },
  ...Object.fromEntries(['char', 'text', 'html', 'selection', 'reference'].map((t) => [t, { sql: 'text', read: (v: string) => `odoo_text(${v})` }])),
  date: { sql: 'date', read: (v) => `odoo_date(${v})` },
  // UTC, as Odoo stores it: a timestamp without time zone.
  datetime: { sql: 'timestamp', read: (v) => `(odoo_ts(${v}) at time zone 'UTC')` },
  many2one: { sql: 'bigint', read: (v) => `odoo_id(${v})` },
  one2many: { sql: 'bigint[]', read: (v) => `odoo_ids(${v})` },
  many2many: { sql: 'bigint[]', read: (v) => `odoo_ids(${v})` },
};
// json, properties and types to come: the value as Odoo sent it, false as NULL.
const AS_SENT: Reading = { sql: 'jsonb', read: (v) => `nullif(${v}, 'false'::jsonb)` };

/**
 * The view's fields: every landed one with Odoo's type, then every expected
 * one the stream did not land with the type the models expect; by name.
 */
export function viewFields(landed: ReadonlyArray<{ name: string; type: string }>, expected: ExpectedFields): ViewField[] {
  const byName = new Map(landed.map((f) => [f.name, { name: f.name, type: f.type, landed: true }]));
  // The raw table's own column: every view has it, reported or not (NULL for a model without one).
  if (!byName.has('write_date')) byName.set('write_date', { name: 'write_date', type: 'datetime', landed: true });
  for (const [name, type] of Object.entries(expected)) {
    if (!isColumnName(name)) throw new Error(`expected field ${name} is not a plain identifier`); // the catalog's own names
    if (!byName.has(name)) byName.set(name, { name, type, landed: false });
  }
  return [...byName.values()].filter((f) => f.name !== 'id').sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** id first (the raw table's key, indexed), the fields in name order, then the landing columns. */
export function stagingSelect(model: string, fields: readonly ViewField[], displayNames = false): string {
  const taken = new Set(['id', ...LANDING, ...fields.map((f) => f.name)]);
  const columns = ['r.id', ...fields.flatMap((f) => fieldColumns(f, taken, displayNames)), ...LANDING.map((c) => `r.${c}`)];
  return `select ${columns.join(',\n       ')}\n  from ${quoteIdent(rawTableName(model))} as r`;
}

function fieldColumns(field: ViewField, taken: ReadonlySet<string>, displayNames: boolean): string[] {
  const reading = READINGS[field.type] ?? AS_SENT;
  const v = `r.data -> '${field.name}'`;
  // write_date is also the raw table's own column, same value, landed or not.
  const value = field.name === 'write_date' ? 'r.write_date' : field.landed ? reading.read(v) : `null::${reading.sql}`;
  const columns = [`${value} as ${quoteIdent(field.name)}`];
  const label = `${field.name}${NAME_SUFFIX}`;
  // A real field of that name wins; a name too long for PostgreSQL gets no label column.
  if (displayNames && field.type === 'many2one' && !taken.has(label) && IDENTIFIER.test(label)) {
    columns.push(`${field.landed ? `odoo_name(${v})` : 'null::text'} as ${quoteIdent(label)}`);
  }
  return columns;
}
