/**
 * Which fields a stream reads: every stored, non-binary field `fields_get`
 * reports (custom `x_` fields included), less exclusions, plus fields a
 * project asks for by name. A domain may only filter on stored fields: Odoo
 * silently ignores a leaf on a non-stored field and returns everything.
 */
import type { Domain } from '../odoo/domain.ts';
import type { FieldInfo } from '../odoo/client.ts';
import { DEFAULT_EXCLUDED_FIELDS } from './catalog.ts';
import { ProjectConfigError } from './project-config.ts';

export interface FieldChoice {
  readonly excludeFields: readonly string[];
  readonly includeFields: readonly string[];
  readonly domain: Domain;
}

export function selectFields(model: string, fields: Readonly<Record<string, FieldInfo>>, choice: FieldChoice): string[] {
  const where = `stream ${model}`;
  for (const name of [...choice.excludeFields, ...choice.includeFields]) {
    if (!(name in fields)) throw new ProjectConfigError(`${where}: Odoo has no field ${name} on ${model} (check exclude_fields/include_fields)`);
  }
  for (const name of domainFields(choice.domain)) {
    const info = fields[name];
    if (!info) throw new ProjectConfigError(`${where}: the domain uses ${name}, which is not a field of ${model} (check the stream's domain)`);
    if (info.store === false) {
      throw new ProjectConfigError(`${where}: the domain uses ${name}, which is not stored: Odoo would ignore the leaf and return every record (filter on a stored field instead)`);
    }
  }
  const excluded = new Set([...DEFAULT_EXCLUDED_FIELDS.filter((f) => !choice.includeFields.includes(f)), ...choice.excludeFields]);
  const chosen = Object.entries(fields)
    .filter(([name, info]) => info.store !== false && info.type !== 'binary' && !excluded.has(name))
    .map(([name]) => name);
  return [...new Set([...chosen, ...choice.includeFields])].sort();
}

/** The first path segment of every leaf's field, e.g. `order_id` for `order_id.state`. */
function domainFields(domain: Domain): string[] {
  return domain.flatMap((item) => (Array.isArray(item) ? [String(item[0]).split('.')[0]!] : []));
}
