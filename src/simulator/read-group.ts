/**
 * `read_group(domain, fields, groupby, offset=0, limit=None, orderby=False,
 * lazy=True)` as Odoo 17 and 19 answer it (19 deprecates it for
 * formatted_read_group and logs a DeprecationWarning, but answers alike).
 * One dict per group: each groupby spec's value (a many2one as [id, name],
 * a date group as its label), the count (`<field>_count` when lazy with one
 * grouping, else `__count`), the aggregates by their names in `fields`,
 * `__domain`, `__context` (the groupbys lazy left for later) and `__range`
 * (date groups' bounds). Grouping itself is `read-group-query.ts`.
 *
 * Not modelled: `group_expand` (no simulated field has one, so lazy groups
 * are never padded with empty ones) and the context's `fill_temporal`.
 */
import { invalidField, pyRepr, pythonError, typeError, valueError } from './faults.ts';
import { groupDomain } from './group-domain.ts';
import { bindArgs, type Signature } from './method-args.ts';
import { defaultAggregator } from './model-info.ts';
import { describeBucket, isTimezone } from './read-group-dates.ts';
import { notSimulated, parseSpec, readGroupRows, type GroupQuery, type GroupTerm } from './read-group-query.ts';
import { isColumn, resolvePath } from './related-path.ts';

export interface ReadGroupEnv extends Omit<GroupQuery, 'tz'> {
  readonly context: Readonly<Record<string, unknown>>;
}

const SIGNATURE: Signature = {
  name: 'read_group',
  params: ['domain', 'fields', 'groupby', 'offset', 'limit', 'orderby', 'lazy'],
  required: 3,
  defaults: { offset: 0, limit: null, orderby: false, lazy: true },
};

// regex_field_agg, matched from the start only (re.match): 'name', 'name:func' or 'name:func(field)'
const FIELD_AGG = /^(\w+)(?::(\w+)(?:\((\w+)\))?)?/;

export function readGroup(env: ReadGroupEnv, args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>): Record<string, unknown>[] {
  const b = bindArgs(SIGNATURE, args, kwargs);
  const { info, version } = env;
  const groupby = typeof b.groupby === 'string' ? [b.groupby] : sequence(b.groupby, 'subscriptable').map(String);
  const lazy = Boolean(b.lazy);
  const lazyGroupby = lazy ? groupby.slice(0, 1) : groupby;

  // Keys in the result -> the explicit specs _read_group takes
  const annotatedGroupby = new Map<string, string>();
  let lastName: string | undefined;
  for (const spec of lazyGroupby) {
    const [name, property, granularity] = parseSpec(spec, version);
    lastName = name;
    const field = info.fields[name];
    if (!field) throw invalidField(name, info.name);
    if (property !== undefined && field.type !== 'properties') throw valueError(`Property name ${pyRepr(property)} has to be used on a property field.`);
    annotatedGroupby.set(spec, field.type === 'date' || field.type === 'datetime' ? `${name}:${granularity ?? 'month'}` : spec);
  }
  const countKey = lazy && lazyGroupby.length === 1 ? `${lazyGroupby[0]!.split(':')[0]}_count` : '__count';
  const annotatedAggregates = new Map<string, string>([[countKey, '__count']]);
  for (const spec of sequence(b.fields, 'iterable').map(String)) {
    if (spec === '__count') continue;
    const m = FIELD_AGG.exec(spec);
    if (!m) throw valueError(`Invalid field specification ${pyRepr(spec)}.`);
    const [, name, func, fname] = m as unknown as [string, string, string | undefined, string | undefined];
    if (func) {
      annotatedAggregates.set(name, `${fname ?? name}:${func}`);
      continue;
    }
    const aggregator = bareAggregator(env, name, lastName);
    if (aggregator && !annotatedGroupby.has(spec)) annotatedAggregates.set(name, `${name}:${aggregator}`);
  }

  const orderby = b.orderby ? rewriteOrder(String(b.orderby), annotatedGroupby, annotatedAggregates) : [...annotatedGroupby.values()].join(',');
  const tz = isTimezone(env.context.tz) ? env.context.tz : undefined;
  const offset = typeof b.offset === 'number' ? b.offset : 0;
  const limit = typeof b.limit === 'number' && b.limit > 0 ? b.limit : 0;
  const { terms, rows } = readGroupRows({ ...env, tz }, b.domain, [...annotatedGroupby.values()], [...annotatedAggregates.values()], offset, limit, orderby);
  const fill = env.context.fill_temporal;
  if ((lazyGroupby.length && rows.length && fill) || (typeof fill === 'object' && fill !== null && !Array.isArray(fill))) {
    throw notSimulated("with the context's fill_temporal");
  }

  const keys = [...annotatedGroupby.keys(), ...annotatedAggregates.keys()];
  const termOf = new Map([...annotatedGroupby.keys()].map((spec, i) => [spec, terms[i]!]));
  return rows.map((values) => {
    const row: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      row[key] = values[i];
    });
    row.__domain = b.domain;
    if (lazyGroupby.length < groupby.length) row.__context = { group_by: groupby.slice(lazyGroupby.length) };
    let domain = groupDomain(b.domain, version);
    for (const spec of lazyGroupby) domain = domain.and(formatGroup(env, termOf.get(spec)!, row, spec, tz));
    row.__domain = domain.list();
    return row;
  });
}

/**
 * `_read_group_format_result` for one group of a row: a many2one becomes
 * [id, display name], a date group its label (and `__range` its bounds);
 * returns the group's condition for `__domain`.
 */
function formatGroup(env: ReadGroupEnv, term: GroupTerm, row: Record<string, unknown>, spec: string, tz: string | undefined): unknown[] {
  const value = row[spec];
  if (term.relation) row[spec] = value === false ? false : [value, env.store.displayName(term.relation, value as number) ?? false];
  if (!term.granularity) return [[term.name, '=', value]];
  const ranges = (row.__range ??= {}) as Record<string, unknown>;
  if (value === false) {
    ranges[spec] = false;
    return [[term.name, '=', false]];
  }
  const type = term.field.type as 'date' | 'datetime';
  const bucket = describeBucket(value as string, type, term.granularity, type === 'datetime' ? tz : undefined, env.version);
  row[spec] = bucket.label;
  ranges[spec] = { from: bucket.from, to: bucket.to };
  return ['&', [term.name, '>=', bucket.from], [term.name, '<', bucket.to]];
}

/**
 * The function a field named without one gets: its group_operator when the
 * field it stands for is a stored column, else none (the name is dropped).
 * An unknown name is a ValueError, which Odoo 17 words with the last groupby
 * field's name (a slip fixed in 19).
 */
function bareAggregator(env: ReadGroupEnv, name: string, lastGroupby: string | undefined): string | undefined {
  const field = env.info.fields[name];
  if (!field) {
    if (env.version >= 19) throw invalidField(name, env.info.name);
    if (lastGroupby === undefined) {
      throw pythonError('UnboundLocalError', "cannot access local variable 'field_name' where it is not associated with a value");
    }
    throw invalidField(lastGroupby, env.info.name);
  }
  const base = field.related ? resolvePath(env.store, env.info, field.related)?.field : field;
  return base && isColumn(base) ? defaultAggregator(name, base.type) : undefined;
}

/** read_group's orderby: a term naming a result key is given the spec behind it ('date_order desc' -> 'date_order:day desc'). */
function rewriteOrder(orderby: string, groupby: ReadonlyMap<string, string>, aggregates: ReadonlyMap<string, string>): string {
  const candidates = [...[...groupby].reverse(), ...aggregates];
  return orderby
    .split(',')
    .map((raw) => {
      const term = raw.trim();
      for (const [key, spec] of candidates) {
        const name = key.split(':')[0]!;
        if (term.startsWith(`${name} `) || term === name) return term.split(name).join(spec);
      }
      return term;
    })
    .join(',');
}

/** A list argument; Python's TypeError for None or a number where it subscripts or iterates one. */
function sequence(value: unknown, use: 'subscriptable' | 'iterable'): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  const type = value === null || value === undefined ? 'NoneType' : typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? (Number.isInteger(value) ? 'int' : 'float') : 'dict';
  throw typeError(`'${type}' object is not ${use}`);
}
