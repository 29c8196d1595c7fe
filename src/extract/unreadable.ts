/**
 * The policy for records Odoo refuses to read (README, "Records Odoo cannot
 * read"): a compute that raises for one record fails the whole page's read
 * (Odoo computes a field for the recordset), so the page's ids are listed
 * (`search` computes nothing) and read in halves around the failure, down to
 * the single records that fail. Those are skipped with their error, so the
 * rest of the stream lands, and retried on every later run. More than
 * MAX_UNREADABLE_PER_PAGE in one page is not one bad record but a broken
 * stream: the stream then fails with Odoo's message.
 * Only server errors (fault 1 and its JSON equivalents) are isolated: access,
 * unknown-model and transport errors mean the same for every record.
 */
import type { OdooClient, OdooRecord } from '../odoo/client.ts';
import { OdooServerError } from '../odoo/errors.ts';
import { leaf } from '../odoo/domain.ts';
import { forgetSkipped, recordSkipped, type SkippedRecord } from '../db/skipped-records.ts';
import { inTransaction, type Pool } from '../db/pool.ts';
import { landRecords } from '../db/raw-tables.ts';
import type { ExtractSettings, PlannedStream, StreamCounts } from './stream-types.ts';
import { firstLine } from '../util/first-line.ts';
import { readRecords } from './read-records.ts';

export const MAX_UNREADABLE_PER_PAGE = 10;

export interface IsolatedRead {
  readonly records: OdooRecord[];
  readonly skipped: SkippedRecord[];
}

export function isUnreadable(error: unknown): error is OdooServerError {
  return error instanceof OdooServerError;
}

/** Reads `ids`, isolating the records whose read raises; throws `cause` if too many do. */
export async function readIsolating(
  odoo: OdooClient, stream: PlannedStream, settings: ExtractSettings, ids: readonly number[], cause: Error,
): Promise<IsolatedRead> {
  const result: IsolatedRead = { records: [], skipped: [] };
  await readHalves(odoo, stream, settings, ids, result, cause);
  result.records.sort((a, b) => a.id - b.id);
  return result;
}

async function readHalves(
  odoo: OdooClient, stream: PlannedStream, settings: ExtractSettings, ids: readonly number[], into: IsolatedRead, cause: Error,
): Promise<void> {
  if (ids.length === 0) return;
  try {
    into.records.push(...(await readIds(odoo, stream, settings, ids)));
    return;
  } catch (error) {
    if (!isUnreadable(error)) throw error;
    if (ids.length === 1) {
      into.skipped.push({ id: ids[0]!, error: firstLine(error) });
      if (into.skipped.length > MAX_UNREADABLE_PER_PAGE) {
        throw new Error(`more than ${MAX_UNREADABLE_PER_PAGE} records of one page cannot be read: ${firstLine(cause)}`);
      }
      return;
    }
  }
  const half = Math.ceil(ids.length / 2);
  await readHalves(odoo, stream, settings, ids.slice(0, half), into, cause);
  await readHalves(odoo, stream, settings, ids.slice(half), into, cause);
}

export interface LandedIds {
  /** Records read. */
  read: number;
  /** Of those, rows inserted or really changed in raw. */
  changed: number;
  skipped: SkippedRecord[];
}

/**
 * Reads explicit ids a page at a time (records skipped earlier, or missing
 * from raw) and lands what reads; per page, the records still refused are
 * kept in elt_skipped_records and the others (landed, or gone from Odoo)
 * leave it. `cause` names the failure if a page has too many bad records.
 */
export async function landIds(
  odoo: OdooClient, db: Pool, stream: PlannedStream, settings: ExtractSettings, ids: readonly number[], cause: Error,
): Promise<LandedIds> {
  const result: LandedIds = { read: 0, changed: 0, skipped: [] };
  for (let at = 0; at < ids.length; at += settings.pageSize) {
    const chunk = ids.slice(at, at + settings.pageSize);
    const { records, skipped } = await readIsolating(odoo, stream, settings, chunk, cause);
    if (records.length) result.changed += await inTransaction(db, (client) => landRecords(client, stream.model, records));
    result.read += records.length;
    const still = new Set(skipped.map((s) => s.id));
    await forgetSkipped(db, stream.name, chunk.filter((id) => !still.has(id)));
    await recordSkipped(db, stream.name, skipped);
    result.skipped.push(...skipped);
  }
  return result;
}

/**
 * A page Odoo refused (`cause`), read again around its failing records: the
 * skipped ones are recorded (retried next run) and counted; returns what read.
 */
export async function readPageAround(
  odoo: OdooClient, db: Pool, stream: PlannedStream, settings: ExtractSettings, ids: readonly number[], cause: Error, counts: StreamCounts,
): Promise<OdooRecord[]> {
  const { records, skipped } = await readIsolating(odoo, stream, settings, ids, cause);
  await recordSkipped(db, stream.name, skipped);
  counts.unreadable.push(...skipped);
  return records;
}

/** `search_read` on explicit ids, with the stream's fields and context (records gone meanwhile are simply absent). */
function readIds(odoo: OdooClient, stream: PlannedStream, settings: ExtractSettings, ids: readonly number[]): Promise<OdooRecord[]> {
  return readRecords(odoo, stream, settings, [leaf('id', 'in', [...ids])]);
}
