/**
 * Planning a run without one `fields_get` per stream. One `search_read` of
 * `ir.model.fields` for every streamed model gives each model's fingerprint
 * (a hash of its fields' names, types, stored flags, relations and labels);
 * a model whose fingerprint matches the one kept in `elt_odoo_fields` is
 * planned from the kept `fields_get` answer, any other asks Odoo and keeps
 * the answer. A module installed or upgraded, a custom field added, retyped
 * or removed all change the rows, so the cache never outlives Odoo's fields.
 * (A change of the Odoo user's groups can show or hide fields without
 * changing them: `elt extract --full-refresh` plans afresh.)
 * When `ir.model.fields` cannot be read (a user without the right), every
 * model asks `fields_get`, as before.
 */
import { createHash } from 'node:crypto';
import type { FieldInfo, OdooClient } from '../odoo/client.ts';
import { leaf } from '../odoo/domain.ts';
import { OdooError } from '../odoo/errors.ts';
import { oncePerClient } from '../odoo/once-per-client.ts';
import { readCachedFields, writeCachedFields } from '../db/odoo-fields.ts';
import type { Pool } from '../db/pool.ts';

export type FieldsOf = (model: string, attributes: readonly string[]) => Promise<Record<string, FieldInfo>>;

const ROW_FIELDS = ['model', 'name', 'ttype', 'store', 'relation', 'field_description'] as const;

/**
 * `fieldsOf` for one run: the cache where Odoo's fields are unchanged,
 * `asked` elsewhere (`fields_get`, or answers this run already has: askOnce).
 */
export async function cachedFieldsOf(odoo: OdooClient, db: Pool, models: readonly string[], refresh: boolean, asked?: FieldsOf): Promise<FieldsOf> {
  const direct: FieldsOf = asked ?? ((model, attributes) => odoo.fieldsGet(model, attributes));
  const fingerprints = await readFingerprints(odoo, models);
  if (fingerprints === null) return direct;
  const cached = refresh ? new Map() : await readCachedFields(db, models);
  return async (model, attributes) => {
    const rows = fingerprints.get(model);
    if (rows === undefined) return direct(model, attributes); // no such model here: fields_get says so in Odoo's words
    const fingerprint = hash([attributes, rows]);
    const kept = cached.get(model);
    if (kept?.fingerprint === fingerprint) return kept.fields as Record<string, FieldInfo>;
    const fields = await direct(model, attributes);
    await writeCachedFields(db, model, { fingerprint, fields });
    return fields;
  };
}

/** `fields_get`, asked once per model and attributes however often it is called (elt run plans before it migrates, then extracts). */
export function askOnce(odoo: OdooClient): FieldsOf {
  return (model, attributes) => oncePerClient(odoo, `fields_get ${model} ${attributes.join(',')}`, () => odoo.fieldsGet(model, attributes));
}

/** Each model's `ir.model.fields` rows, in one request; null when Odoo refuses them. */
async function readFingerprints(odoo: OdooClient, models: readonly string[]): Promise<Map<string, unknown[][]> | null> {
  let rows: Array<Record<string, unknown>>;
  try {
    rows = await odoo.searchRead('ir.model.fields', [leaf('model', 'in', [...models])], { fields: [...ROW_FIELDS], order: 'model, name, id', context: { active_test: false } });
  } catch (error) {
    if (error instanceof OdooError) return null;
    throw error;
  }
  const byModel = new Map<string, unknown[][]>();
  for (const row of rows) {
    if (typeof row.model !== 'string') continue;
    const list = byModel.get(row.model) ?? [];
    list.push(ROW_FIELDS.map((f) => row[f] ?? null));
    byModel.set(row.model, list);
  }
  return byModel;
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
