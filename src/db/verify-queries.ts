/**
 * The warehouse side of `elt verify`: one page of Odoo's ids
 * compared with the raw rows of the same id range, running totals of Odoo's
 * values, and a model's declared total. Values travel as text and are summed
 * as numeric, so a total is exact whatever the number of records.
 */
import type { Pool } from './pool.ts';
import { quoteIdent, rawTableName } from './identifiers.ts';

export type DiffKind = 'missing' | 'extra' | 'changed';

/** One page of Odoo records: ids ascending, write_dates (null when none), and one array per compared field. */
export interface OdooPage {
  readonly ids: readonly number[];
  readonly writeDates: ReadonlyArray<string | null> | null;
  readonly values: ReadonlyArray<ReadonlyArray<string | null>>;
}

/**
 * The ids in `after < id <= upTo` (no upper bound when null) that differ
 * between the page and the live raw rows: `missing` from raw, `extra` in raw
 * (Odoo no longer lists them), `changed` (write_date or a compared field
 * differs). `fields` name the compared fields, in the order of `page.values`.
 */
export async function comparePage(
  db: Pool,
  model: string,
  page: OdooPage,
  fields: readonly string[],
  range: { after: number; upTo: number | null; rawExists: boolean },
): Promise<Array<{ id: number; kind: DiffKind }>> {
  const raw = range.rawExists
    ? `select id, write_date, data from ${quoteIdent(rawTableName(model))} where id > $3 and ($4::bigint is null or id <= $4) and deleted_at is null`
    : 'select null::bigint as id, null::timestamp as write_date, null::jsonb as data where false and $3::bigint is not distinct from $4::bigint';
  const base = 5;
  const arrays = fields.map((_, i) => `, $${base + 2 * i}::numeric[]`).join('');
  const columns = fields.map((_, i) => `, f${i}`).join('');
  const differs = [
    page.writeDates ? 'r.write_date is distinct from o.write_date' : null,
    ...fields.map((_, i) => `odoo_num(r.data -> $${base + 2 * i + 1}::text) is distinct from o.f${i}`),
  ].filter(Boolean);
  const params: unknown[] = [page.ids, page.writeDates ?? page.ids.map(() => null), range.after, range.upTo];
  fields.forEach((field, i) => params.push(page.values[i], field));
  const { rows } = await db.query<{ id: number; kind: DiffKind }>(
    `with o as (select * from unnest($1::bigint[], $2::timestamp[]${arrays}) as o(id, write_date${columns})),
          r as (${raw})
     select coalesce(o.id, r.id) as id,
            case when r.id is null then 'missing' when o.id is null then 'extra' else 'changed' end as kind
       from o full join r on r.id = o.id
      where r.id is null or o.id is null${differs.length ? ` or ${differs.join(' or ')}` : ''}
      order by 1`,
    params,
  );
  return rows.map((r) => ({ id: Number(r.id), kind: r.kind }));
}

/** Adds each array's sum to its running total (numeric as text); returns the new totals. */
export async function addTotals(db: Pool, values: ReadonlyArray<ReadonlyArray<string | null>>, totals: readonly string[]): Promise<string[]> {
  if (values.length === 0) return [];
  const n = values.length;
  const sums = values.map((_, i) => `(coalesce(sum(v${i}), 0) + $${n + i + 1}::numeric)::text as t${i}`).join(', ');
  const arrays = values.map((_, i) => `$${i + 1}::numeric[]`).join(', ');
  const { rows } = await db.query<Record<string, string>>(
    `select ${sums} from unnest(${arrays}) as v(${values.map((_, i) => `v${i}`).join(', ')})`,
    [...values, ...totals],
  );
  return values.map((_, i) => rows[0]![`t${i}`]!);
}

/** `total` rounded to the cent, as PostgreSQL prints it (e.g. 1234.50). */
export async function roundToCents(db: Pool, total: string): Promise<string> {
  const { rows } = await db.query<{ r: string }>('select round($1::numeric, 2)::text as r', [total]);
  return rows[0]!.r;
}

/** The columns of a table or view in the current schema; empty when it does not exist. */
export async function relationColumns(db: Pool, relation: string): Promise<Set<string>> {
  const { rows } = await db.query<{ name: string }>(
    `select attname::text as name from pg_attribute where attrelid = to_regclass($1) and attnum > 0 and not attisdropped`,
    [quoteIdent(relation)],
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * A model's total of `column`, to the cent, over its rows where `where` holds;
 * rows flagged deleted (a `deleted_at` column that is set) are left out.
 */
export async function modelTotal(
  db: Pool,
  relation: string,
  column: string,
  where: { column: string; value: string } | undefined,
  hasDeletedAt: boolean,
): Promise<string> {
  const conditions = [where ? `${quoteIdent(where.column)} = $1` : null, hasDeletedAt ? 'deleted_at is null' : null].filter(Boolean);
  const { rows } = await db.query<{ total: string }>(
    `select round(coalesce(sum(${quoteIdent(column)}), 0)::numeric, 2)::text as total from ${quoteIdent(relation)}${conditions.length ? ` where ${conditions.join(' and ')}` : ''}`,
    where ? [where.value] : [],
  );
  return rows[0]!.total;
}
