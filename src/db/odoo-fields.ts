/** The `elt_odoo_fields` table: Odoo's `fields_get` answers kept with their fingerprint (see extract/fields-cache.ts). */
import type { Pool } from './pool.ts';

export interface CachedFields {
  readonly fingerprint: string;
  readonly fields: Record<string, unknown>;
}

export async function readCachedFields(db: Pool, models: readonly string[]): Promise<Map<string, CachedFields>> {
  const { rows } = await db.query<{ model: string; fingerprint: string; fields: Record<string, unknown> }>(
    `select model, fingerprint, fields from elt_odoo_fields where model = any($1::text[])`,
    [models],
  );
  return new Map(rows.map((r) => [r.model, { fingerprint: r.fingerprint, fields: r.fields }]));
}

export async function writeCachedFields(db: Pool, model: string, cached: CachedFields): Promise<void> {
  await db.query(
    `insert into elt_odoo_fields (model, fingerprint, fields) values ($1, $2, $3::jsonb)
     on conflict (model) do update set fingerprint = excluded.fingerprint, fields = excluded.fields, updated_at = now()`,
    [model, cached.fingerprint, JSON.stringify(cached.fields)],
  );
}
