/**
 * `ir.model.fields`: Odoo's reflection of every model's fields in its
 * database (one row per field, magic ones included), written when a module
 * is installed or upgraded. The simulator derives it from its model
 * definitions at start, and drops a model's rows with the model.
 */
import type { FieldDef, ModelDef, RecordValues, Stamp } from '../model-def.ts';

/** What reflecting needs of the store (store.ts's Store fits): its models, and rows written with a stamp. */
export interface ReflectedStore {
  modelNames(): string[];
  info(model: string): { readonly fields: Readonly<Record<string, FieldDef>> } | undefined;
  allocateId(model: string): number;
  insertWithId(model: string, id: number, values: RecordValues, stamp: Stamp): void;
}

export const IR_MODEL_FIELDS = 'ir.model.fields';

export const irModelFields: ModelDef = {
  name: IR_MODEL_FIELDS,
  description: 'Fields',
  order: 'name',
  fields: {
    name: { type: 'char', string: 'Field Name', required: true },
    model: { type: 'char', string: 'Model Name', required: true },
    field_description: { type: 'char', string: 'Field Label' },
    ttype: { type: 'char', string: 'Field Type', required: true },
    relation: { type: 'char', string: 'Related Model' },
    store: { type: 'boolean', string: 'Stored' },
  },
};

/** One row per field of every other model the store holds, stamped `at` (the same start, the same rows). */
export function reflectFields(store: ReflectedStore, at: Stamp): void {
  for (const model of store.modelNames()) {
    if (model === IR_MODEL_FIELDS) continue;
    for (const [name, field] of Object.entries(store.info(model)!.fields)) {
      store.insertWithId(IR_MODEL_FIELDS, store.allocateId(IR_MODEL_FIELDS), {
        name,
        model,
        field_description: field.string,
        ttype: field.type,
        relation: field.relation ?? false,
        store: field.store !== false,
      }, at);
    }
  }
}
