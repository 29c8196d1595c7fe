/** The raw side of delete detection: marking rows Odoo no longer has, finding ids raw lacks. */
import type { Pool } from './pool.ts';
import { quoteIdent, rawTableName } from './identifiers.ts';

/**
 * Marks deleted the raw rows with `after < id <= upTo` (no upper bound when
 * `upTo` is null) that are not in `present`. A new `load_seq` lets
 * incremental models pick the change up. Returns how many were marked.
 */
export async function markDeleted(db: Pool, model: string, present: readonly number[], after: number, upTo: number | null): Promise<number> {
  const t = quoteIdent(rawTableName(model));
  const result = await db.query(
    `update ${t} as raw set deleted_at = now(), load_seq = nextval('elt_load_seq')
      where raw.id > $1 and ($2::bigint is null or raw.id <= $2) and raw.deleted_at is null
        and not exists (select 1 from unnest($3::bigint[]) as p(id) where p.id = raw.id)`,
    [after, upTo, present],
  );
  return result.rowCount ?? 0;
}

/** The ids of `present` that raw lacks or holds as deleted, ascending. */
export async function missingIds(db: Pool, model: string, present: readonly number[]): Promise<number[]> {
  if (present.length === 0) return [];
  const t = quoteIdent(rawTableName(model));
  const { rows } = await db.query<{ id: string }>(
    `select p.id from unnest($1::bigint[]) as p(id)
      where not exists (select 1 from ${t} as raw where raw.id = p.id and raw.deleted_at is null)
      order by p.id`,
    [present],
  );
  return rows.map((r) => Number(r.id));
}
