/** Every row of every table in the warehouse, as text: what a test searches for values that must never land. */
import type pg from 'pg';

/** Every row of every table and view in the public schema (framework, raw, staging, marts, seeds), as text. */
export async function tablesText(pool: pg.Pool): Promise<string> {
  const { rows: tables } = await pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await pool.query<{ t: string }>(`select t::text as t from public."${name}" as t`);
    parts.push(...rows.map((r) => r.t));
  }
  return parts.join('\n');
}
