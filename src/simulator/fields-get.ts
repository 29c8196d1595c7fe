import type { FieldDef } from './model-def.ts';
import { defaultAggregator, type ModelInfo } from './model-info.ts';
import { isSearchable, isSortable, type ModelLookup } from './related-path.ts';

/**
 * `fields_get(allfields, attributes)` as Odoo 17 answers it: every field
 * (stored or not, magic ones included), described by `Field.get_description`
 * (each `_description_*` attribute whose value is not None), filtered by
 * `allfields` (unknown names are ignored) and `attributes`.
 */
export function fieldsGet(
  models: ModelLookup, info: ModelInfo, version: number, allfields: unknown, attributes: unknown,
): Record<string, unknown> {
  const wantedFields = Array.isArray(allfields) && allfields.length ? new Set(allfields as string[]) : undefined;
  const wantedAttrs = Array.isArray(attributes) ? new Set(attributes as string[]) : undefined;
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(info.fields)) {
    if (wantedFields && !wantedFields.has(name)) continue;
    const desc = describeField(name, field, version);
    desc.searchable = isSearchable(models, info, name);
    desc.sortable = isSortable(models, info, name, version);
    if (wantedAttrs) {
      for (const key of Object.keys(desc)) if (!wantedAttrs.has(key)) delete desc[key];
    }
    out[name] = desc;
  }
  return out;
}

function describeField(name: string, field: FieldDef, version: number): Record<string, unknown> {
  const stored = field.store !== false;
  const desc: Record<string, unknown> = {
    change_default: false,
    company_dependent: false,
    default_export_compatible: false,
    // a related field depends on its path (`get_depends`), a stored compute on its declared fields; others' are not modelled
    depends: field.related ? [field.related.join('.')] : [...(field.depends ?? [])],
    exportable: true,
    manual: false,
    name,
    readonly: field.readonly ?? !stored,
    required: field.required ?? false,
    searchable: false, // set by fieldsGet, which can look at other models
    sortable: false,
    store: stored,
    string: field.string,
    type: field.type,
  };
  // Odoo 18 renamed group_operator to aggregator
  const aggregator = defaultAggregator(name, field.type);
  if (aggregator) desc[version >= 18 ? 'aggregator' : 'group_operator'] = aggregator;
  if (field.related) desc.related = field.related.join('.');
  if (field.type === 'char') Object.assign(desc, { translate: false, trim: true });
  if (field.type === 'text' || field.type === 'html') desc.translate = false;
  if (field.type === 'selection') desc.selection = (field.selection ?? []).map(([k, v]) => [k, v]);
  if (field.type === 'monetary') desc.currency_field = 'currency_id';
  if (field.type === 'many2one' || field.type === 'one2many' || field.type === 'many2many') {
    Object.assign(desc, { relation: field.relation, context: {}, domain: [] });
  }
  if (field.type === 'one2many') desc.relation_field = field.relationField;
  return desc;
}
