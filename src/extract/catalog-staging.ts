/**
 * Staging views of catalog streams that a run did not land: a built-in model
 * this Odoo lacks (skipped), or one turned off in elt.yml. Their (maybe
 * empty) raw tables exist, and the default marts read their views: each gets
 * one from the fields last recorded (none if never extracted) and the
 * catalog's expected fields, so those marts run and read NULLs.
 */
import type { Pool } from '../db/pool.ts';
import { ensureRawTable } from '../db/raw-tables.ts';
import { refreshRecordedStaging, stagingViewName } from '../db/staging.ts';
import type { ExpectedFields } from '../db/staging-sql.ts';
import { BUILTIN_STREAMS } from './catalog.ts';

/** The fields the default warehouse reads from a stream (none for a model the catalog does not name). */
export function warehouseFieldsOf(model: string): ExpectedFields {
  return BUILTIN_STREAMS.find((s) => s.model === model)?.warehouseFields ?? {};
}

/**
 * Makes or refreshes the views of `models` (every catalog stream by default)
 * without asking Odoo; a view already as it must be is left alone. Returns
 * the views (re)built.
 */
export async function stageCatalogStreams(db: Pool, models: readonly string[] = BUILTIN_STREAMS.map((s) => s.model), displayNames = false): Promise<string[]> {
  const rebuilt: string[] = [];
  for (const model of models) {
    await ensureRawTable(db, model);
    if (await refreshRecordedStaging(db, model, { expected: warehouseFieldsOf(model), displayNames })) rebuilt.push(stagingViewName(model));
  }
  return rebuilt;
}
