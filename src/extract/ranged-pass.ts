/**
 * The rest of a large pass, read several pages at once (Odoo with workers
 * answers them in parallel). The ids after the pass's first page are listed
 * with `search` (ten pages of ids per request: Odoo formats no field for
 * them) and cut into ranges of `page_size` ids; each range is read as
 * `id > after and id <= upTo` with the pass's domain, so it reads what a
 * keyset page would, a record committed into the range meanwhile included.
 *
 * Reads go through the run's shared request limit (extract.odoo_requests,
 * first come first served), so a large stream takes the slots the others
 * leave idle and never more than its turn. Ranges land one at a time in id
 * order, each with the pass's position in one transaction (stream-state.ts):
 * a killed run resumes after the last landed range, and landing stays the
 * append-only COPY of a first extract. At most `odoo_requests` pages wait
 * in memory.
 */
import type { LimitFunction } from 'p-limit';
import type { OdooClient, OdooRecord } from '../odoo/client.ts';
import { and, leaf, type Domain } from '../odoo/domain.ts';
import type { Pool } from '../db/pool.ts';
import { landPage } from '../db/stream-state.ts';
import { ID_PAGE_FACTOR, idPages } from './id-pages.ts';
import { isUnreadable, readPageAround } from './unreadable.ts';
import { readRecords } from './read-records.ts';
import type { ExtractSettings, PlannedStream, StreamCounts } from './stream-types.ts';

/** Ids (after, upTo] of a pass, listed at the start: what one page reads. */
interface IdRange {
  readonly after: number;
  readonly upTo: number;
  readonly ids: readonly number[];
}

export interface RangedPass {
  /** The stream's domain and the pass's write_date window. */
  readonly domain: Domain;
  /** Every id up to this one has landed. */
  readonly after: number;
  /** Whether landing compares documents (a full pass). */
  readonly full: boolean;
}

/** Reads and lands every record of `pass.domain` with id above `pass.after`, `requests.concurrency` pages at a time. */
export async function readRanges(
  odoo: OdooClient, db: Pool, stream: PlannedStream, pass: RangedPass, settings: ExtractSettings, requests: LimitFunction, counts: StreamCounts,
): Promise<void> {
  const reads: Array<{ range: IdRange; records: Promise<OdooRecord[]> }> = [];
  const land = async (range: IdRange, records: Promise<OdooRecord[]>): Promise<void> => {
    let page: OdooRecord[];
    try {
      page = await records;
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      // Odoo refused the range: read around the records that fail, as a keyset page would.
      page = await readPageAround(odoo, db, stream, settings, range.ids, error, counts);
    }
    counts.changed += await landPage(db, stream.name, stream.model, page, { compareData: pass.full, upTo: range.upTo });
    counts.fetched += page.length;
    settings.progress?.onPage(stream.name, counts.fetched);
  };
  for await (const range of idRanges(odoo, stream.model, pass, settings)) {
    const records = requests(() => readRange(odoo, stream, pass.domain, range, settings));
    records.catch(() => {}); // awaited in turn by land(); one that fails first must not crash the process
    reads.push({ range, records });
    while (reads.length >= requests.concurrency) {
      const next = reads.shift()!;
      await land(next.range, next.records);
    }
  }
  for (const next of reads.splice(0)) await land(next.range, next.records);
}

/** The pass's ids after `pass.after`, listed ten pages per request (the next list is asked for while this one is read), in ranges of one page. */
async function* idRanges(odoo: OdooClient, model: string, pass: RangedPass, settings: ExtractSettings): AsyncGenerator<IdRange> {
  const source = { model, domain: pass.domain, limit: settings.pageSize * ID_PAGE_FACTOR, context: settings.context, after: pass.after };
  let after = pass.after;
  for await (const { items } of idPages(odoo, source)) {
    for (let i = 0; i < items.length; i += settings.pageSize) {
      const ids = items.slice(i, i + settings.pageSize);
      const upTo = ids[ids.length - 1]!;
      yield { after, upTo, ids };
      after = upTo;
    }
  }
}

function readRange(odoo: OdooClient, stream: PlannedStream, domain: Domain, range: IdRange, settings: ExtractSettings): Promise<OdooRecord[]> {
  return readRecords(odoo, stream, settings, and(domain, [leaf('id', '>', range.after), leaf('id', '<=', range.upTo)]));
}
