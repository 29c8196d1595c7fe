/**
 * `OdooClient.readGroup`: Odoo's `read_group` with typed options, and its
 * answer in one row shape on Odoo 16 to 19 and every transport.
 *
 * One code path on every version: `read_group` answers on Odoo 19 too (it
 * is deprecated there for `formatted_read_group`, and the server logs a
 * DeprecationWarning), with the same keys as before.
 *
 * Each aggregate is sent under a name of its own ('amount_total_sum:sum(amount_total)'):
 * Odoo keys aggregates by field name, so 'amount_total:sum' and
 * 'amount_total:avg' in one call would otherwise come back as one value.
 */
import type { Domain } from './domain.ts';
import { OdooProtocolError } from './errors.ts';

export interface ReadGroupOptions {
  /**
   * Odoo groupby specs: a stored field ('config_id', 'state'), a date or
   * datetime with a granularity ('date_order:day', ':week', ':month' (the
   * default), ':quarter', ':year'). Datetimes are grouped in `context.tz`
   * (UTC without one). Empty: one row over all matching records.
   */
  readonly groupBy: readonly string[];
  /**
   * 'field:function' with sum, avg, min, max, count or count_distinct (e.g.
   * 'amount_total:sum'), or a bare field for its default aggregate (a
   * number's sum; a field without one is left out of the row, as Odoo does).
   */
  readonly aggregates?: readonly string[];
  /**
   * Odoo's default, true: group by the first spec only (the others are for
   * drilling down with each row's `domain`); false: by all of them at once.
   */
  readonly lazy?: boolean;
  /**
   * Group order, e.g. 'amount_total:sum desc, config_id': terms name a
   * groupBy spec, an aggregate as given in `aggregates`, or 'count'.
   * Default: by the groupBy specs (a many2one by its model's order).
   */
  readonly orderBy?: string;
  readonly limit?: number;
  readonly offset?: number;
  readonly context?: Readonly<Record<string, unknown>>;
}

/** A group's value: a many2one as [id, display name], a date group as Odoo's label ('07 Nov 2026'), false for records without one. */
export type GroupValue = string | number | boolean | readonly [number, string | false];

/** An aggregate's value: a number, a string (min/max of a date or a text), false when the group had no value. */
export type AggregateValue = number | string | boolean | readonly unknown[];

/** A date or datetime group's bounds, `from` included, `to` excluded; datetimes in UTC. */
export interface GroupRange {
  readonly from: string;
  readonly to: string;
}

/**
 * One group, the same on Odoo 16 to 19 and on XML-RPC, JSON-RPC and JSON-2.
 */
export interface ReadGroupRow {
  /** The group's value under each groupBy spec grouped on (only the first when lazy), keyed as given. */
  readonly group: Readonly<Record<string, GroupValue>>;
  /** How many records the group holds (Odoo's `<field>_count` or `__count`). */
  readonly count: number;
  /** Each aggregate, keyed as given in `aggregates`. */
  readonly aggregates: Readonly<Record<string, AggregateValue>>;
  /** The group's records: the call's domain and the group's conditions (Odoo's `__domain`). */
  readonly domain: Domain;
  /** Date groups' bounds by spec, false for the group without a date (Odoo's `__range`); empty without date groups. */
  readonly ranges: Readonly<Record<string, GroupRange | false>>;
}

/** The read_group call for these options, and what tells its answer's keys apart. */
export interface ReadGroupCall {
  readonly args: readonly unknown[];
  readonly kwargs: Readonly<Record<string, unknown>>;
  readonly groupKeys: readonly string[];
  readonly countKey: string;
  /** [spec as given, key in Odoo's answer]. */
  readonly aggregateKeys: ReadonlyArray<readonly [string, string]>;
  readonly domain: Domain;
}

const AGGREGATE = /^(\w+)(?::(\w+))?$/;

export function readGroupCall(domain: Domain, options: ReadGroupOptions): ReadGroupCall {
  const { groupBy, aggregates = [], lazy, orderBy, limit, offset, context } = options;
  for (const [name, value] of [['limit', limit], ['offset', offset]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new RangeError(`readGroup: ${name} must be a whole number of 0 or more, got ${value}`);
  }
  const grouped = (lazy ?? true) ? groupBy.slice(0, 1) : groupBy;
  const countKey = (lazy ?? true) && grouped.length === 1 ? `${grouped[0]!.split(':')[0]}_count` : '__count';
  const keys = new Map<string, string>();
  const taken = new Set([...groupBy, countKey, ...aggregates.filter((spec) => !spec.includes(':'))]);
  const fields: string[] = [];
  for (const spec of aggregates) {
    const m = AGGREGATE.exec(spec);
    if (!m) throw new RangeError(`readGroup: aggregate '${spec}' must be 'field' or 'field:function', e.g. 'amount_total:sum'`);
    if (keys.has(spec)) continue;
    const [, field, func] = m;
    const key = func ? uniqueName(`${field}_${func}`, taken) : field!;
    keys.set(spec, key);
    fields.push(func ? `${key}:${func}(${field})` : field!);
  }
  return {
    // '__count' alone: an empty list would read as "every stored field" on Odoo 16; 17 and later skip '__count'
    args: [domain, fields.length ? fields : ['__count'], groupBy],
    kwargs: { offset, limit, orderby: orderBy === undefined ? undefined : orderTerms(orderBy, groupBy, keys, countKey), lazy, context },
    groupKeys: grouped,
    countKey,
    aggregateKeys: [...keys],
    domain,
  };
}

/** One of Odoo's groups as a ReadGroupRow; `group` is one element of read_group's list. */
export function readGroupRow(group: Readonly<Record<string, unknown>>, call: ReadGroupCall, model: string): ReadGroupRow {
  const count = group[call.countKey] ?? group.__count;
  if (typeof count !== 'number') throw new OdooProtocolError(`${model}.read_group answered a group without its count (${call.countKey})`);
  const values: Record<string, GroupValue> = {};
  for (const key of call.groupKeys) values[key] = orFalse(group[key]) as GroupValue;
  const aggregates: Record<string, AggregateValue> = {};
  for (const [spec, key] of call.aggregateKeys) if (key in group) aggregates[spec] = orFalse(group[key]) as AggregateValue;
  const range = group.__range;
  return {
    group: values,
    count,
    aggregates,
    // Odoo 16 leaves __domain out when nothing is grouped: the group is then the call's domain
    domain: Array.isArray(group.__domain) ? (group.__domain as unknown as Domain) : call.domain,
    ranges: typeof range === 'object' && range !== null ? (range as Record<string, GroupRange | false>) : {},
  };
}

/** Each term's name as Odoo's read_group takes it: a groupBy spec's field, an aggregate's key, 'count' the count's. */
function orderTerms(orderBy: string, groupBy: readonly string[], aggregateKeys: ReadonlyMap<string, string>, countKey: string): string {
  return orderBy
    .split(',')
    .map((part) => {
      const [, name = '', rest = ''] = /^\s*(\S*)(.*)$/.exec(part)!;
      if (groupBy.includes(name)) return `${name.split(':')[0]}${rest}`;
      const key = aggregateKeys.get(name) ?? (name === 'count' ? countKey : name);
      return `${key}${rest}`;
    })
    .join(',');
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

/** Odoo 16 can send null for an aggregate over nothing; later versions send false. */
function orFalse(value: unknown): unknown {
  return value === null || value === undefined ? false : value;
}
