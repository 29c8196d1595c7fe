/**
 * `child_of` as Odoo answers it on a model with a parent store
 * (`_parent_store`: stock.location, hr.department, product.category): the
 * given records and every record below them, by `parent_path` prefix
 * (`1/4/` holds `1/4/9/`), as Odoo's expression.py does, archived ones
 * included. Models without a parent_path, and names instead of ids, are not
 * modelled.
 */
import { valueError } from './faults.ts';
import type { ModelInfo } from './model-info.ts';
import type { RecordSource } from './record-source.ts';

export function childOfIds(store: RecordSource, model: ModelInfo, right: unknown, repr: string): ReadonlySet<number> {
  const ids = typeof right === 'number' ? [right] : right;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'number')) {
    throw valueError(`the simulator implements 'child_of' with ids only (leaf ${repr})`);
  }
  if (!model.fields.parent_path) throw valueError(`the simulator implements 'child_of' on models with a parent_path only (leaf ${repr})`);
  const prefixes = ids.map((id) => store.get(model.name, id)?.parent_path).filter((path): path is string => typeof path === 'string' && path !== '');
  const found = new Set<number>();
  for (const rec of store.scan(model.name)) {
    const path = rec.parent_path;
    if (typeof path === 'string' && prefixes.some((prefix) => path.startsWith(prefix))) found.add(rec.id as number);
  }
  return found;
}
