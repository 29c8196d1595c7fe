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
import { and, leaf } from '../odoo/domain.ts';
import { inTransaction, type Pool } from '../db/pool.ts';
import { markDeleted, missingIds } from '../db/deletes.ts';
import { landRecords } from '../db/raw-tables.ts';
import { recordSkipped, type SkippedRecord } from '../db/skipped-records.ts';
import { readIsolating } from './unreadable.ts';
import type { ExtractSettings, PlannedStream } from './stream-extract.ts';

export interface DeleteCounts {
  /** Raw rows newly marked deleted. */
  deleted: number;
  /** Records read again because raw lacked them or held them as deleted. */
  restored: number;
  /** Of those, the ones Odoo refused to read (skipped, see unreadable.ts). */
  unreadable: SkippedRecord[];
}

/** Ids are cheap to list: a page of ids is this many record pages. */
const ID_PAGE_FACTOR = 10;

export async function detectDeletes(odoo: OdooClient, db: Pool, stream: PlannedStream, settings: ExtractSettings): Promise<DeleteCounts> {
  const counts: DeleteCounts = { deleted: 0, restored: 0, unreadable: [] };
  const limit = settings.pageSize * ID_PAGE_FACTOR;
  let after = 0;
  for (;;) {
    const ids = await odoo.search(stream.model, and(stream.domain, [leaf('id', '>', after)]), { order: 'id', limit, context: settings.context });
    // The last page's range is open-ended: every raw id above the last listed one is gone too.
    const upTo = ids.length < limit ? null : ids[ids.length - 1]!;
    counts.deleted += await markDeleted(db, stream.model, ids, after, upTo);
    const missing = await missingIds(db, stream.model, ids);
    for (let at = 0; at < missing.length; at += settings.pageSize) {
      const chunk = missing.slice(at, at + settings.pageSize);
      const { records, skipped } = await readIsolating(odoo, stream, settings, chunk, new Error(`records of ${stream.name} missing from raw cannot be read`));
      await recordSkipped(db, stream.name, skipped);
      counts.unreadable.push(...skipped);
      if (records.length === 0) continue;
      counts.restored += await inTransaction(db, (client) => landRecords(client, stream.model, records));
    }
    if (upTo === null) return counts;
    after = upTo;
  }
}
