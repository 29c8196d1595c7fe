/**
 * `_read_group(domain, groupby, aggregates, offset, limit, order)`, the
 * grouping under read_group, with Odoo 17's and 19's checks, messages and
 * order of checks: the read access, the domain, each groupby spec, each
 * aggregate spec, then the order. Rows are [group values..., aggregates...]
 * with empty values as false and many2one values as bare ids.
 *
 * Not modelled (an error saying so, never an invented answer): grouping or
 * aggregating x2many, binary, json and properties fields, 19's many2one
 * paths and date-part granularities ('month_number', ...), 'hour' on a date,
 * and the aggregates PostgreSQL itself would refuse (sum of a char, ...).
 */
import { SimFault, invalidField, pyRepr, valueError } from './faults.ts';
import { compileDomain } from './domain-eval.ts';
import { isNull } from './domain-leaf.ts';
import type { FieldDef, RecordValues } from './model-def.ts';
import type { ModelInfo } from './model-info.ts';
import { compileOrder } from './order.ts';
import { aggregateFunction, aggregateNames } from './read-group-aggregate.ts';
import { bucketStart, GRANULARITIES, type Granularity } from './read-group-dates.ts';
import { sortValue } from './related-path.ts';
import type { Store } from './store.ts';

export interface GroupQuery {
  readonly store: Store;
  readonly info: ModelInfo;
  readonly version: number;
  readonly activeTest: boolean;
  /** The context's tz when Odoo converts datetimes to it (`isTimezone`). */
  readonly tz: string | undefined;
  /** The model's read access check, run where `_read_group` runs it. */
  readonly checkRead: () => void;
}

/** What a groupby spec groups on, for read_group to format its rows. */
export interface GroupTerm {
  readonly spec: string;
  readonly name: string;
  readonly field: FieldDef;
  readonly granularity?: Granularity;
  /** The model whose ids a many2one (or `id`) group holds. */
  readonly relation?: string;
  /** The group value of a record: a many2one id, a bucket start, ... or null. */
  readonly value: (rec: RecordValues) => unknown;
}

interface AggregateTerm {
  readonly compute: (records: readonly RecordValues[]) => unknown;
}

interface Group {
  readonly values: unknown[];
  readonly records: RecordValues[];
  readonly aggregates: Map<string, unknown>;
}

const NOT_COLUMNS: ReadonlySet<string> = new Set(['one2many', 'many2many', 'binary', 'json', 'properties']);

// One order term of _read_group: field or "field", optional .path and :func, direction, nulls
const ORDER_PART = /^\s*((?:"[a-z0-9_]+"|[a-z0-9_]+)(?:\.[\w.]+)?(?::[a-z_]+)?)(?:\s+(asc|desc))?(?:\s+(nulls\s+(?:first|last)))?\s*$/i;

export function notSimulated(what: string): Error {
  return new Error(`the simulator does not model read_group ${what}`);
}

/** `parse_read_group_spec`: [field, property or path, function or granularity]. */
export function parseSpec(spec: string, version: number): [string, string | undefined, string | undefined] {
  const m = (version >= 19 ? /^(\w+)(\.([\w.]+))?(?::(\w+))?$/ : /^(\w+)(\.(\w+))?(?::(\w+))?$/).exec(spec);
  if (!m) {
    throw valueError(
      `Invalid aggregate/groupby specification ${pyRepr(spec)}.\n` +
        '- Valid aggregate specification looks like "<field_name>:<agg>" example: "quantity:sum".\n' +
        '- Valid groupby specification looks like "<no_datish_field_name>" or "<datish_field_name>:<granularity>" example: "date:month" or "<properties_field_name>.<property>:<granularity>".',
    );
  }
  return [m[1]!, m[3], m[4]];
}

export function readGroupRows(
  q: GroupQuery, domain: unknown, groupby: readonly string[], aggregates: readonly string[], offset: number, limit: number, order: string,
): { terms: GroupTerm[]; rows: unknown[][] } {
  q.checkRead();
  const compiled = compileDomain(q.store, q.info, domain, q.activeTest, q.version);
  const terms = groupby.map((spec) => groupTerm(q, spec));
  const aggregateTerms = aggregates.map((spec) => aggregateTerm(q, spec));
  const compare = orderBy(q, order, terms);

  const groups = new Map<string, Group>();
  for (const rec of q.store.scan(q.info.name, compiled.lo, compiled.hi)) {
    if (!compiled.test(rec)) continue;
    const values = terms.map((t) => t.value(rec));
    const key = JSON.stringify(values);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { values, records: [], aggregates: new Map() }));
    group.records.push(rec);
  }
  // without GROUP BY, SQL answers one row even when no record matches
  if (terms.length === 0 && groups.size === 0) groups.set('[]', { values: [], records: [], aggregates: new Map() });
  const sorted = [...groups.values()].sort(compare);
  const page = sorted.slice(offset || 0, limit ? (offset || 0) + limit : undefined);
  return {
    terms,
    rows: page.map((g) => [...g.values.map((v) => (v === null ? false : v)), ...aggregateTerms.map((a) => a.compute(g.records))]),
  };
}

/** `_read_group_groupby`: the checks, then the value each record groups under. */
function groupTerm(q: GroupQuery, spec: string): GroupTerm {
  const [name, path, granularity] = parseSpec(spec, q.version);
  const field = q.info.fields[name];
  if (!field) throw invalidField(name, q.info.name);
  if (path !== undefined || field.type === 'properties') throw notSimulated(`by a property or a path (${spec})`);
  const isDate = field.type === 'date' || field.type === 'datetime';
  if (granularity && !isDate) throw valueError(`Granularity set on a no-datetime field or property: ${pyRepr(spec)}`);
  const get = columnValue(q, name, spec);
  if (isDate) {
    if (!granularity) throw valueError(`Granularity not set on a date(time) field: ${pyRepr(spec)}`);
    if (!GRANULARITIES.has(granularity)) {
      if (q.version >= 19 && /_(number|of_year|of_month|of_week)$/.test(granularity)) throw notSimulated(`by a date part (${spec})`);
      throw valueError(`Granularity specification isn't correct: ${pyRepr(granularity)}`);
    }
    if (field.type === 'date' && granularity === 'hour') throw notSimulated(`by the hour of a date (${spec})`);
    const g = granularity as Granularity;
    const tz = field.type === 'datetime' ? q.tz : undefined;
    return { spec, name, field, granularity: g, value: (rec) => bucketStart(get(rec), field.type as 'date' | 'datetime', g, tz) };
  }
  const relation = field.type === 'many2one' ? field.relation : name === 'id' ? q.info.name : undefined;
  return { spec, name, field, relation, value: sqlValue(field, get) };
}

/** A record's value as SQL holds it: empty values NULL, except booleans (the store keeps no NULL boolean; Odoo reads both as False). */
function sqlValue(field: FieldDef, get: (rec: RecordValues) => unknown): (rec: RecordValues) => unknown {
  if (field.type === 'boolean') return (rec) => Boolean(get(rec));
  return (rec) => {
    const v = get(rec);
    return isNull(v) ? null : v;
  };
}

/** `_read_group_select`: the checks, then the function over a group's records. */
function aggregateTerm(q: GroupQuery, spec: string): AggregateTerm {
  if (spec === '__count') return { compute: (records) => records.length };
  const [name, path, func] = parseSpec(spec, q.version);
  if (path !== undefined) {
    if (q.version >= 19) throw valueError(`Invalid ${pyRepr(spec)}, this dot notation is not supported`);
    throw notSimulated(`aggregates of a property (${spec})`);
  }
  const field = q.info.fields[name];
  if (!field) throw valueError(`Invalid field ${pyRepr(name)} on model ${pyRepr(q.info.name)} for ${pyRepr(spec)}.`);
  if (!func) throw valueError(`Aggregate method is mandatory for ${pyRepr(name)}`);
  if (func === 'sum_currency' && q.version >= 19 && field.type !== 'monetary') {
    throw valueError(`Aggregator "sum_currency" only works on currency field for ${pyRepr(name)}`);
  }
  if (!aggregateNames(q.version).has(func)) throw valueError(`Invalid aggregate method ${pyRepr(func)} for ${pyRepr(spec)}.`);
  const relational = field.type === 'many2one' || field.type === 'one2many' || field.type === 'many2many';
  if (func === 'recordset' && !(relational || name === 'id')) {
    throw valueError(`Aggregate method ${pyRepr(func)} can be only used on relational field (or id) (for ${pyRepr(spec)}).`);
  }
  const get = columnValue(q, name, spec);
  const kind = ['integer', 'float', 'monetary', 'many2one'].includes(field.type) ? 'number' : field.type === 'boolean' ? 'boolean' : 'other';
  const fn = aggregateFunction(func, kind);
  if (!fn) throw notSimulated(`${func} of a ${field.type} field (${spec})`);
  const sql = sqlValue(field, get);
  const out = (v: unknown) => (field.type === 'datetime' && typeof v === 'string' ? v.slice(0, 19) : v);
  return {
    compute: (records) => {
      const result = fn(records.map(sql));
      if (Array.isArray(result)) return result.map(out);
      return result === null ? false : out(result);
    },
  };
}

/**
 * `_field_to_sql`: a column, an inherited field through its parent, from
 * Odoo 18 a related one through its path (`sortValue`); Odoo 17 refuses any
 * other non-stored field with its own message.
 */
function columnValue(q: GroupQuery, name: string, spec: string): (rec: RecordValues) => unknown {
  const field = q.info.fields[name]!;
  if (NOT_COLUMNS.has(field.type)) throw notSimulated(`over a ${field.type} field (${spec})`);
  if (q.version < 18 && field.store === false && !field.inherited) throw valueError(`Cannot convert field ${q.info.name}.${name} to SQL`);
  return sortValue(q.store, q.info, name, q.version).get;
}

type Compare = (a: Group, b: Group) => number;

/**
 * `_read_group_orderby`: groupby terms, then aggregates. read_group always
 * passes an order (its groupby specs by default), so a many2one group sorts
 * by its model's `_order`, NULL (no record) as PostgreSQL places NULLs.
 * Ties keep the order groups were met in (PostgreSQL leaves them open).
 */
function orderBy(q: GroupQuery, order: string, terms: readonly GroupTerm[]): Compare {
  if (!order) return () => 0;
  const keys: Compare[] = order.split(',').map((part) => {
    const m = ORDER_PART.exec(part);
    if (!m) throw valueError(`Invalid order ${pyRepr(order)} for _read_group()`);
    const term = m[1]!;
    const desc = m[2]?.toLowerCase() === 'desc';
    const nulls = m[3]?.toLowerCase().replace(/\s+/, ' ');
    const nullsFirst = nulls ? nulls === 'nulls first' : desc;
    const index = terms.findIndex((t) => t.spec === term);
    if (index < 0) {
      let aggregate: AggregateTerm;
      try {
        aggregate = aggregateTerm(q, term);
      } catch (error) {
        if (error instanceof SimFault && /\nValueError: /.test(error.faultString)) {
          throw valueError(`Order term ${pyRepr(part)} is not a valid aggregate nor valid groupby`);
        }
        throw error;
      }
      const value = (g: Group) => {
        if (!g.aggregates.has(term)) g.aggregates.set(term, aggregate.compute(g.records));
        const v = g.aggregates.get(term);
        return v === false ? null : v;
      };
      return (a, b) => compareValues(value(a), value(b), desc, nullsFirst);
    }
    const t = terms[index]!;
    const comodel = t.field.type === 'many2one' && t.relation ? q.store.info(t.relation) : undefined;
    if (comodel && (comodel.def.order || 'id') !== 'id' && t.name === term) {
      const spec = desc ? reverseOrder(comodel.def.order) : comodel.def.order;
      const byOrder = compileOrder(q.store, comodel, spec, q.version).compare;
      const rec = (g: Group) => (g.values[index] === null ? undefined : q.store.get(comodel.name, g.values[index] as number));
      return (a, b) => {
        const [ra, rb] = [rec(a), rec(b)];
        if (!ra || !rb) return ra === rb ? 0 : (!ra === nullsFirst ? -1 : 1);
        return byOrder(ra, rb);
      };
    }
    return (a, b) => compareValues(a.values[index], b.values[index], desc, nullsFirst);
  });
  return (a, b) => {
    for (const key of keys) {
      const c = key(a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** PostgreSQL's ORDER BY on one key: NULLs last ascending, first descending, unless told. */
function compareValues(a: unknown, b: unknown, desc: boolean, nullsFirst: boolean): number {
  const [na, nb] = [a === null || a === undefined, b === null || b === undefined];
  if (na || nb) return na && nb ? 0 : na === nullsFirst ? -1 : 1;
  const [x, y] = [typeof a === 'boolean' ? Number(a) : a, typeof b === 'boolean' ? Number(b) : b] as Array<number | string>;
  const c = x! < y! ? -1 : x! > y! ? 1 : 0;
  return desc ? -c : c;
}

/** `tools.reverse_order`: every term's direction flipped. */
function reverseOrder(order: string): string {
  return order
    .split(',')
    .map((item) => {
      const [name, ...rest] = item.toLowerCase().trim().split(/\s+/);
      return `${name} ${rest.join(' ') === 'desc' ? 'asc' : 'desc'}`;
    })
    .join(', ');
}
