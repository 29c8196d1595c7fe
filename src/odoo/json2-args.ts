/**
 * JSON-2 takes named arguments only (the body binds to the method's Python
 * signature), while the client speaks `execute_kw`'s positional args plus
 * kwargs. The positional names below are those of Odoo 19's signatures;
 * record methods take their ids as `ids`.
 */
import { OdooProtocolError } from './errors.ts';

const POSITIONAL: Readonly<Record<string, readonly string[]>> = {
  search: ['domain', 'offset', 'limit', 'order'],
  search_read: ['domain', 'fields', 'offset', 'limit', 'order'],
  search_count: ['domain', 'limit'],
  search_fetch: ['domain', 'field_names', 'offset', 'limit', 'order'],
  read: ['ids', 'fields', 'load'],
  fields_get: ['allfields', 'attributes'],
  create: ['vals_list'],
  write: ['ids', 'vals'],
  unlink: ['ids'],
  name_search: ['name', 'domain', 'operator', 'limit'],
  read_group: ['domain', 'fields', 'groupby', 'offset', 'limit', 'orderby', 'lazy'],
  context_get: [],
};

/** The JSON-2 body for an execute_kw-style call; throws when a positional argument has no known name. */
export function namedArguments(
  model: string,
  method: string,
  args: readonly unknown[],
  kwargs: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const names = POSITIONAL[method];
  if (args.length > 0 && names === undefined) {
    throw new OdooProtocolError(
      `${model}.${method} was called with positional arguments, which JSON-2 cannot send (it knows their names for ${Object.keys(POSITIONAL).join(', ')}): pass them by name`,
    );
  }
  if (names !== undefined && args.length > names.length) {
    throw new OdooProtocolError(`${model}.${method} takes at most ${names.length} positional arguments over JSON-2, got ${args.length}`);
  }
  const body: Record<string, unknown> = {};
  args.forEach((value, i) => {
    body[names![i]!] = value;
  });
  for (const [key, value] of Object.entries(kwargs)) {
    if (key in body) throw new OdooProtocolError(`${model}.${method} got two values for '${key}' (positional and by name)`);
    if (value !== undefined) body[key] = value;
  }
  return body;
}
