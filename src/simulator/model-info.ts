import type { FieldDef, FieldType, ModelDef } from './model-def.ts';

/**
 * A model as the engine uses it: the definition plus the magic fields Odoo
 * adds to every model (`_add_magic_fields`), and lookups precomputed once.
 */
export interface ModelInfo {
  readonly name: string;
  readonly def: ModelDef;
  /** Declared fields plus id, display_name, create_uid, create_date, write_uid, write_date. */
  readonly fields: Readonly<Record<string, FieldDef>>;
  /** Fields kept on the record object, in a fixed order (one hidden class per model). */
  readonly storedNames: readonly string[];
  /** Odoo's `_active_name`: 'active', else 'x_active', else undefined. */
  readonly activeName: string | undefined;
  /** The `_rec_name` when that field exists. */
  readonly recName: string | undefined;
}

const MAGIC: Readonly<Record<string, FieldDef>> = {
  id: { type: 'integer', string: 'ID', readonly: true },
  display_name: { type: 'char', string: 'Display Name', store: false, readonly: true },
  create_uid: { type: 'many2one', string: 'Created by', relation: 'res.users', readonly: true },
  create_date: { type: 'datetime', string: 'Created on', readonly: true },
  write_uid: { type: 'many2one', string: 'Last Updated by', relation: 'res.users', readonly: true },
  write_date: { type: 'datetime', string: 'Last Updated on', readonly: true },
};

/** Field names Odoo maintains itself; `create`/`write` values for them are ignored. */
export const LOG_ACCESS_FIELDS: ReadonlySet<string> = new Set(['create_uid', 'create_date', 'write_uid', 'write_date']);

export function buildModelInfo(def: ModelDef): ModelInfo {
  const fields: Record<string, FieldDef> = { id: MAGIC.id! };
  for (const [name, field] of Object.entries(def.fields)) {
    if (name in MAGIC) throw new Error(`model ${def.name}: magic field ${name} must not be declared`);
    if (field.type === 'one2many' && (!field.relation || !field.relationField)) {
      throw new Error(`model ${def.name}: one2many ${name} needs relation and relationField`);
    }
    fields[name] = field;
  }
  for (const name of ['display_name', 'create_uid', 'create_date', 'write_uid', 'write_date']) fields[name] = MAGIC[name]!;
  const storedNames = Object.keys(fields).filter((name) => isKeptOnRecord(fields[name]!));
  const activeName = fields.active ? 'active' : fields.x_active ? 'x_active' : undefined;
  const recName = def.recName ?? 'name';
  return { name: def.name, def, fields, storedNames, activeName, recName: fields[recName] ? recName : undefined };
}

/** Stored fields other than one2many, whose value is derived from the inverse many2one. */
export function isKeptOnRecord(field: FieldDef): boolean {
  return field.store !== false && field.type !== 'one2many';
}

/** The value Odoo reads back for a field that holds nothing. */
export function emptyValue(type: FieldType): unknown {
  switch (type) {
    case 'integer':
    case 'float':
    case 'monetary':
      return 0;
    case 'boolean':
      return false;
    case 'many2many':
    case 'one2many':
      return [];
    default:
      return false;
  }
}

export function isNumeric(type: FieldType): boolean {
  return type === 'integer' || type === 'float' || type === 'monetary';
}

/**
 * A field's `group_operator` (Odoo 18+: `aggregator`), what read_group applies
 * to a field named without a function: 'sum' for numbers, none for the id
 * and for an integer named `sequence` (Integer's `_get_attrs`).
 */
export function defaultAggregator(name: string, type: FieldType): string | undefined {
  if (!isNumeric(type) || name === 'id' || (type === 'integer' && name === 'sequence')) return undefined;
  return 'sum';
}
