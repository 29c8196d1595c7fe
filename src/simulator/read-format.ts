import type { FieldDef, RecordValues } from './model-def.ts';
import { emptyValue, isNumeric, type ModelInfo } from './model-info.ts';
import { oneToManyIds } from './record-source.ts';
import type { Store } from './store.ts';

export interface ReadOptions {
  /** `load` of read/search_read: '_classic_read' gives many2one as [id, name], anything else the bare id. */
  readonly classic: boolean;
  /** Whether x2many values drop archived records (Odoo searches the comodel with the active_test in effect). */
  readonly x2manyActiveTest: boolean;
}

/**
 * One record as Odoo 17 `_read_format` returns it: `{'id': id, field: value}`
 * with `convert_to_read` shapes. Empty is `false` (many2one, char, date,
 * datetime, binary, selection), numbers stay 0, many2one is `[id,
 * display_name]` (`false` when the target is gone: Odoo catches the
 * MissingError), x2many an id list, datetime 'YYYY-MM-DD HH:MM:SS'.
 */
export function readRecord(
  store: Store, info: ModelInfo, rec: RecordValues, names: readonly string[], opts: ReadOptions,
): Record<string, unknown> {
  const out: Record<string, unknown> = { id: rec.id };
  for (const name of names) out[name] = readField(store, info, rec, name, opts);
  return out;
}

function readField(store: Store, info: ModelInfo, rec: RecordValues, name: string, opts: ReadOptions): unknown {
  const field = info.fields[name]!;
  const id = rec.id as number;
  if (name === 'display_name') return store.displayName(info.name, id) ?? false;
  if (field.type === 'one2many') {
    return activeOnly(store, field, oneToManyIds(store, field, id), opts);
  }
  let raw: unknown;
  if (field.store === false && field.companyDependent && name in rec) raw = rec[name];
  else if (field.store === false) raw = field.compute ? field.compute(rec, store) : emptyValue(field.type);
  else raw = rec[name];
  return toWire(store, field, raw, opts);
}

function toWire(store: Store, field: FieldDef, raw: unknown, opts: ReadOptions): unknown {
  switch (field.type) {
    case 'many2one': {
      if (typeof raw !== 'number' || raw <= 0) return false;
      const name = store.displayName(field.relation!, raw);
      if (name === undefined) return false;
      return opts.classic ? [raw, name] : raw;
    }
    case 'many2many':
    case 'one2many':
      return activeOnly(store, field, Array.isArray(raw) ? (raw as number[]) : [], opts);
    case 'datetime':
      return typeof raw === 'string' && raw ? raw.slice(0, 19) : false;
    case 'date':
      return typeof raw === 'string' && raw ? raw.slice(0, 10) : false;
    case 'boolean':
      return Boolean(raw);
    default:
      if (isNumeric(field.type)) return typeof raw === 'number' ? raw : 0;
      return raw === null || raw === undefined || raw === false ? false : raw;
  }
}

/** Existing related ids, minus archived ones when active_test applies to the comodel. */
function activeOnly(store: Store, field: FieldDef, ids: readonly number[], opts: ReadOptions): number[] {
  const comodel = store.info(field.relation!);
  if (!comodel) return [];
  const active = opts.x2manyActiveTest ? comodel.activeName : undefined;
  const out: number[] = [];
  for (const id of ids) {
    const rec = store.get(comodel.name, id);
    if (rec && (!active || rec[active])) out.push(id);
  }
  return out;
}
