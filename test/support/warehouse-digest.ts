/**
 * A fingerprint of what a warehouse holds, to compare one built through kills,
 * restarts or races with one built by a clean run: per table, its row count
 * and an md5 of its rows' text in order. Raw tables compare what Odoo sent
 * (id, write_date, data, deleted_at), not when or in which load it landed;
 * marts compare every column; the missing-reference list leaves out when a
 * reference was first seen.
 */
import type pg from 'pg';

export type Digest = Record<string, string>;
export type Scope = 'raw' | 'marts' | 'all';

const ROW_TEXT: Array<{ match: RegExp; scope: Exclude<Scope, 'all'>; row: string }> = [
  { match: /^raw_/, scope: 'raw', row: 'row(t.id, t.write_date, t.data, t.deleted_at)::text' },
  { match: /^(dim|fact)_/, scope: 'marts', row: 't::text' },
  { match: /^elt_missing_references$/, scope: 'marts', row: 'row(t.model, t.column_name, t.referenced_model, t.referenced_id)::text' },
];

function rowText(table: string, scope: Scope): string | null {
  const kind = ROW_TEXT.find((k) => k.match.test(table));
  return kind && (scope === 'all' || scope === kind.scope) ? kind.row : null;
}

/** Table name -> "<rows> <md5>" for every raw table, mart and the missing-reference list in `scope`. */
export async function warehouseDigest(pool: pg.Pool, scope: Scope = 'all'): Promise<Digest> {
  const { rows: tables } = await pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const parts = tables.flatMap(({ name }) => {
    const row = rowText(name, scope);
    if (!row) return [];
    const quoted = `"${name.replaceAll('"', '""')}"`;
    return [`select '${name}' as name, count(*) || ' ' || coalesce(md5(string_agg(r, E'\\n' order by r)), '-') as digest from (select ${row} as r from ${quoted} as t) as s`];
  });
  if (parts.length === 0) return {};
  const { rows } = await pool.query<{ name: string; digest: string }>(parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]).sort(([a], [b]) => a!.localeCompare(b!)));
}

/**
 * For the tables whose digests differ, a few rows one side has and the other
 * lacks: what a failing comparison prints so the cause is visible.
 */
export async function digestDiff(actual: pg.Pool, expected: pg.Pool, scope: Scope = 'all', limit = 3): Promise<string[]> {
  const [a, e] = [await warehouseDigest(actual, scope), await warehouseDigest(expected, scope)];
  const out: string[] = [];
  for (const table of [...new Set([...Object.keys(a), ...Object.keys(e)])].sort()) {
    if (a[table] === e[table]) continue;
    if (!a[table] || !e[table]) {
      out.push(`${table}: only in ${a[table] ? 'actual' : 'expected'}`);
      continue;
    }
    const sql = `select ${rowText(table, scope)} as r from "${table.replaceAll('"', '""')}" as t`;
    const [ra, re] = [new Set((await actual.query(sql)).rows.map((r) => r.r)), new Set((await expected.query(sql)).rows.map((r) => r.r))];
    const extra = [...ra].filter((r) => !re.has(r)).slice(0, limit);
    const missing = [...re].filter((r) => !ra.has(r)).slice(0, limit);
    out.push(`${table} (actual ${a[table]}, expected ${e[table]}): extra ${JSON.stringify(extra)}, missing ${JSON.stringify(missing)}`);
  }
  return out;
}
