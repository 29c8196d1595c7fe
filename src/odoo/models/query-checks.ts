/**
 * Checks of the options a model helper takes, made when the helper is called
 * (before any request): a bad one throws one line naming the helper, the
 * option and what it takes, rather than an Odoo traceback later or, worse, a
 * silently wrong answer.
 */

/** A bad option of a model helper (posOrders, products, ...): the message names it and what it takes. */
export class QueryOptionsError extends Error {
  override readonly name = 'QueryOptionsError';
}

export function fail(helper: string, problem: string): never {
  throw new QueryOptionsError(`${helper}(): ${problem}`);
}

/** A list of record ids, or undefined when not given. */
export function checkIds(helper: string, option: string, ids: unknown): readonly number[] | undefined {
  if (ids === undefined) return undefined;
  if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id) && id > 0)) {
    fail(helper, `${option} must be a list of record ids (whole numbers above 0)`);
  }
  return ids;
}

/** A list of selection values (states), or undefined. */
export function checkValues(helper: string, option: string, values: unknown): readonly string[] | undefined {
  if (values === undefined) return undefined;
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string' && value !== '')) {
    fail(helper, `${option} must be a list of values such as ['paid', 'done']`);
  }
  return values;
}

export function checkBoolean(helper: string, option: string, value: unknown): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') fail(helper, `${option} must be true or false`);
  return value;
}

/** A whole number of at least `min`, or undefined. */
export function checkCount(helper: string, option: string, value: unknown, min: number): number | undefined {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= min)) {
    fail(helper, `${option} must be a whole number of ${min} or more`);
  }
  return value as number | undefined;
}

/** Unknown option names: a typo (`form:` for `from:`) would otherwise widen the query silently. */
export function checkOptionNames(helper: string, query: object, known: readonly string[]): void {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) fail(helper, 'its options must be an object');
  const unknown = Object.keys(query).filter((name) => !known.includes(name));
  if (unknown.length) fail(helper, `unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; it takes ${known.join(', ')}`);
}
