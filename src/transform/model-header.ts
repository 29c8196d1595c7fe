/** The structured header entries: data tests and references to dimensions. */
import { ModelError } from './errors.ts';

export type DataTest =
  | { readonly kind: 'not_null' | 'unique'; readonly column: string }
  | { readonly kind: 'relationships'; readonly column: string; readonly model: string; readonly to: string }
  | { readonly kind: 'accepted_values'; readonly column: string; readonly values: readonly string[] };

/** `product_id -> dim_products.product_id`: the fact's key, the dimension and its key column. */
export interface Reference {
  readonly column: string;
  readonly model: string;
  readonly to: string;
}

const IDENT = '[a-z_][a-z0-9_]*';

/** `col not_null; col unique; col relationships(model.col); col accepted_values(a, b)` */
export function parseTests(text: string, path: string): DataTest[] {
  return entries(text).flatMap((entry) => {
    const m = new RegExp(`^(${IDENT})\\s+(.+)$`).exec(entry);
    if (!m) throw new ModelError(`${path}: test "${entry}" should read "<column> <test>", e.g. "order_id not_null"`);
    const column = m[1]!;
    return m[2]!.split(/\s+(?![^(]*\))/).map((test): DataTest => {
      if (test === 'not_null' || test === 'unique') return { kind: test, column };
      const rel = new RegExp(`^relationships\\((${IDENT})\\.(${IDENT})\\)$`).exec(test);
      if (rel) return { kind: 'relationships', column, model: rel[1]!, to: rel[2]! };
      const acc = /^accepted_values\((.+)\)$/.exec(test);
      if (acc) return { kind: 'accepted_values', column, values: acc[1]!.split(',').map((v) => v.trim().replace(/^'(.*)'$/, '$1')) };
      throw new ModelError(`${path}: unknown test "${test}" on ${column} (use not_null, unique, relationships(model.column) or accepted_values(a, b))`);
    });
  });
}

export function parseReferences(text: string, path: string): Reference[] {
  return entries(text).map((entry) => {
    const m = new RegExp(`^(${IDENT})\\s*->\\s*(${IDENT})\\.(${IDENT})$`).exec(entry);
    if (!m) throw new ModelError(`${path}: reference "${entry}" should read "<column> -> <model>.<column>", e.g. "product_id -> dim_products.product_id"`);
    return { column: m[1]!, model: m[2]!, to: m[3]! };
  });
}

function entries(text: string): string[] {
  return text.split(';').map((s) => s.trim()).filter(Boolean);
}

/** dbt's snapshot settings (materialized: snapshot): how a change is told, and what a deleted record does. */
export interface SnapshotConfig {
  /** `timestamp`: a newer `updated_at` is a new version; `check`: a change in `checkCols` is. */
  readonly strategy: 'timestamp' | 'check';
  /** The column whose newer value makes a new version (timestamp); default write_date. */
  readonly updatedAt: string;
  /** The columns compared (check); `all`: every column but the unique_key. */
  readonly checkCols: readonly string[] | 'all';
  /** A record gone from the SELECT: `invalidate` closes its current version, `ignore` keeps it open. */
  readonly hardDeletes: 'invalidate' | 'ignore';
}

export function parseSnapshot(header: ReadonlyMap<string, string>, path: string): SnapshotConfig {
  const strategy = header.get('strategy') ?? 'timestamp';
  if (strategy !== 'timestamp' && strategy !== 'check') throw new ModelError(`${path}: strategy must be timestamp or check, not "${strategy}"`);
  const updatedAt = header.get('updated_at') ?? 'write_date';
  if (!new RegExp(`^${IDENT}$`).test(updatedAt)) throw new ModelError(`${path}: updated_at "${updatedAt}" is not a column name`);
  const raw = header.get('check_cols');
  if (strategy === 'check' && !raw) throw new ModelError(`${path}: strategy: check needs check_cols (the columns compared, or all), e.g. -- check_cols: list_price, standard_price`);
  const checkCols = raw === 'all' ? 'all' : (raw ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  for (const col of checkCols === 'all' ? [] : checkCols) if (!new RegExp(`^${IDENT}$`).test(col)) throw new ModelError(`${path}: check_cols "${col}" is not a column name`);
  const hardDeletes = header.get('hard_deletes') ?? 'ignore';
  if (hardDeletes !== 'invalidate' && hardDeletes !== 'ignore') throw new ModelError(`${path}: hard_deletes must be invalidate or ignore, not "${hardDeletes}"`);
  return { strategy, updatedAt, checkCols, hardDeletes };
}
