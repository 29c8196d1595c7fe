/**
 * The aggregate functions of read_group (READ_GROUP_AGGREGATE) over one
 * group's values, in record id order, as PostgreSQL computes them on the
 * columns Odoo gives amounts: NUMERIC, so sums are exact and an average is
 * NUMERIC division, rounded as PostgreSQL rounds it, then Odoo's float.
 * Values come as SQL gives them (null for NULL): NULLs are skipped, and a
 * function over nothing is NULL.
 */

export type AggregateFunction = (values: readonly unknown[]) => unknown;

/** The aggregate function names each version accepts ('recordset' and 19's 'sum_currency' are not simulated). */
export function aggregateNames(version: number): ReadonlySet<string> {
  const names = ['sum', 'avg', 'max', 'min', 'bool_and', 'bool_or', 'array_agg', 'recordset', 'count', 'count_distinct'];
  return new Set(version >= 19 ? [...names, 'array_agg_distinct', 'sum_currency'] : names);
}

/** The function for `name` on a field of this kind, or undefined when the simulator does not model that pair. */
export function aggregateFunction(name: string, kind: 'number' | 'boolean' | 'other'): AggregateFunction | undefined {
  switch (name) {
    case 'count':
      return (values) => nonNull(values).length;
    case 'count_distinct':
      return (values) => new Set(nonNull(values).map((v) => JSON.stringify(v))).size;
    case 'array_agg':
      return (values) => [...values];
    case 'sum':
      return kind === 'number' ? (values) => nullIfNone(values, (ns) => exactSum(ns as number[])) : undefined;
    case 'avg':
      return kind === 'number' ? (values) => nullIfNone(values, (ns) => numericAverage(ns as number[])) : undefined;
    case 'min':
    case 'max':
      // PostgreSQL has no min(boolean)
      return kind === 'boolean' ? undefined : (values) => nullIfNone(values, (vs) => extreme(vs, name));
    case 'bool_and':
    case 'bool_or':
      return kind === 'boolean' ? (values) => nullIfNone(values, (vs) => (name === 'bool_and' ? vs.every(Boolean) : vs.some(Boolean))) : undefined;
    default:
      return undefined;
  }
}

function nonNull(values: readonly unknown[]): unknown[] {
  return values.filter((v) => v !== null);
}

function nullIfNone(values: readonly unknown[], fn: (present: unknown[]) => unknown): unknown {
  const present = nonNull(values);
  return present.length ? fn(present) : null;
}

/** Strings compare by code point, where PostgreSQL's collation may order mixed case otherwise. */
function extreme(values: readonly unknown[], name: 'min' | 'max'): unknown {
  let best = values[0] as number | string;
  for (const v of values as Array<number | string>) if (name === 'min' ? v < best : v > best) best = v;
  return best;
}

/** A number as an exact decimal: digits × 10^-scale. */
interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

function toDecimal(n: number): Decimal {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) throw new Error(`simulator: cannot sum ${n}`);
  const fraction = m[3] ?? '';
  const scale = fraction.length - Number(m[4] ?? 0);
  const digits = BigInt(`${m[1]}${m[2]}${fraction}`);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

function rescale(d: Decimal, scale: number): bigint {
  return d.digits * 10n ** BigInt(scale - d.scale);
}

function decimalSum(values: readonly number[]): Decimal {
  const parts = values.map(toDecimal);
  const scale = Math.max(0, ...parts.map((p) => p.scale));
  return { digits: parts.reduce((total, p) => total + rescale(p, scale), 0n), scale };
}

function toNumber(d: Decimal): number {
  return Number(`${d.digits}e-${d.scale}`);
}

/** SUM over NUMERIC: exact, then one rounding to the nearest float (psycopg's float cast in Odoo). */
export function exactSum(values: readonly number[]): number {
  return toNumber(decimalSum(values));
}

/**
 * AVG over NUMERIC: the exact sum divided by the count at the scale of
 * PostgreSQL's `select_div_scale` (at least 16 significant digits), rounded
 * half away from zero.
 */
export function numericAverage(values: readonly number[]): number {
  const sum = decimalSum(values);
  const count = BigInt(values.length);
  if (sum.digits === 0n) return 0;
  const sumWeight = baseWeight(sum);
  const countWeight = baseWeight({ digits: count, scale: 0 });
  let quotientWeight = sumWeight.weight - countWeight.weight;
  if (sumWeight.first <= countWeight.first) quotientWeight -= 1;
  const scale = Math.max(16 - quotientWeight * 4, sum.scale, 0);
  // digits × 10^(scale - sum.scale) / count, rounded half away from zero
  const numerator = sum.digits * 10n ** BigInt(scale - sum.scale + 1);
  const q = numerator / count;
  const rounded = (q + (q >= 0n ? 5n : -5n)) / 10n;
  return toNumber({ digits: rounded, scale });
}

/** The weight and leading digit of a NUMERIC in PostgreSQL's base 10000. */
function baseWeight(d: Decimal): { weight: number; first: number } {
  const abs = d.digits < 0n ? -d.digits : d.digits;
  const weight = Math.floor((abs.toString().length - 1 - d.scale) / 4);
  const shift = d.scale + weight * 4;
  return { weight, first: Number(shift >= 0 ? abs / 10n ** BigInt(shift) : abs * 10n ** BigInt(-shift)) };
}
