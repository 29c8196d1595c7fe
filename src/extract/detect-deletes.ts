/**
 * Delete detection (DESIGN.md, "Deletes"): Odoo keeps no tombstones, so the
 * ids Odoo still has are listed (`search` with `active_test: false`, the
 * stream's domain, keyset pages on id) and compared with the raw table, one
 * id range at a time:
 * - raw rows in the range whose id Odoo no longer lists get `deleted_at` and
 *   a new `load_seq` (so incremental models see the change);
 * - ids Odoo lists that raw lacks, or holds as deleted (a record restored
 *   from a backup keeps its old write_date, so no incremental pass would
 *   fetch it again), are read and landed, which clears `deleted_at`.
 * Each range commits on its own: a killed run leaves only true marks behind.
 */
import type { OdooClient } from '../odoo/client.ts';
import type { Pool } from '../db/pool.ts';
import { markDeleted, missingIds } from '../db/deletes.ts';
import type { SkippedRecord } from '../db/skipped-records.ts';
import { landIds } from './unreadable.ts';
import { ID_PAGE_FACTOR, idPages } from './id-pages.ts';
import type { ExtractSettings, PlannedStream } from './stream-types.ts';

export interface DeleteCounts {
  /** Raw rows newly marked deleted. */
  deleted: number;
  /** Records read again because raw lacked them or held them as deleted. */
  restored: number;
  /** Of those, the ones Odoo refused to read (skipped, see unreadable.ts). */
  unreadable: SkippedRecord[];
}

export async function detectDeletes(odoo: OdooClient, db: Pool, stream: PlannedStream, settings: ExtractSettings): Promise<DeleteCounts> {
  const counts: DeleteCounts = { deleted: 0, restored: 0, unreadable: [] };
  const pages = idPages(odoo, { model: stream.model, domain: stream.domain, limit: settings.pageSize * ID_PAGE_FACTOR, context: settings.context });
  // The last page's range is open-ended: every raw id above the last listed one is gone too.
  for await (const { items: ids, after, upTo } of pages) {
    counts.deleted += await markDeleted(db, stream.model, ids, after, upTo);
    const missing = await missingIds(db, stream.model, ids);
    const { changed, skipped } = await landIds(odoo, db, stream, settings, missing, new Error(`records of ${stream.name} missing from raw cannot be read`));
    counts.restored += changed;
    counts.unreadable.push(...skipped);
  }
  return counts;
}
