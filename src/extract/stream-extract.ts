/**
 * Extracts one stream incrementally (DESIGN.md, "Extract: the rules that make it correct"):
 * - the pass's high-water mark is Odoo's clock before the first page (the
 *   latest Date header its answers carried, minus the allowed skew between
 *   its web and database clocks), so a quiet Odoo moves it on and the next
 *   run's window holds nothing; without a Date header, max(write_date) in
 *   Odoo, read before the first page;
 * - the pass reads `write_date >= cursor - lookback`, catching transactions
 *   that committed after the last run with an older write_date;
 * - pages are a keyset on id (`id > last`, `order: 'id'`), never offsets, and
 *   pipelined: the next page is fetched while the last one lands; after a
 *   full first page, the rest is read in id ranges, several at once
 *   (ranged-pass.ts), when the run allows more than one request;
 * - each page lands with the pass's position in one transaction, so a killed
 *   run resumes its pass, then runs a fresh one;
 * - deletes are looked for when asked, on a full refresh, and on every run
 *   of a stream without write_date (see detect-deletes.ts);
 * - every read goes through read-records.ts, which hashes the stream's
 *   hash_fields as Odoo answers; a stream landed with another key or field
 *   list is refused unless this is a full refresh (hash-spec.ts).
 */
import type { OdooClient, OdooContext, OdooRecord } from '../odoo/client.ts';
import { and, leaf, type Domain } from '../odoo/domain.ts';
import type { Pool } from '../db/pool.ts';
import { beginPass, completePass, landPage, readStreamState, type PassState } from '../db/stream-state.ts';
import { ensureRawTable } from '../db/raw-tables.ts';
import { quoteIdent, rawTableName } from '../db/identifiers.ts';
import { lookbackFrom } from './cursor.ts';
import { odooDatetime } from '../odoo/datetime.ts';
import { detectDeletes } from './detect-deletes.ts';
import { readRanges } from './ranged-pass.ts';
import { isUnreadable, landIds, readPageAround } from './unreadable.ts';
import { readRecords } from './read-records.ts';
import { guardHashSpec } from './hash-spec.ts';
import { readSkipped } from '../db/skipped-records.ts';
import type { ExtractSettings, PlannedStream, StreamCounts } from './stream-types.ts';
import type { ExtractProgress } from './progress.ts';
import { firstLine } from '../util/first-line.ts';

export async function extractStream(odoo: OdooClient, db: Pool, stream: PlannedStream, settings: ExtractSettings): Promise<StreamCounts> {
  await ensureRawTable(db, stream.model);
  // Before anything lands: rows hashed with another key or field list are re-landed by a full refresh only.
  const finishHashing = await guardHashSpec(db, stream, settings);
  const counts: StreamCounts = { fetched: 0, changed: 0, deleted: 0, restored: 0, unreadable: [] };
  await retryUnreadable(odoo, db, stream, settings, counts);
  let state = await readStreamState(db, stream.name);
  if (state?.pass && !settings.fullRefresh) {
    await runPass(odoo, db, stream, state.pass, settings, counts);
    state = await readStreamState(db, stream.name);
  }
  const hwm = stream.incremental ? await highWaterMark(odoo, stream, settings) : null;
  const cursor = state?.cursor ?? null;
  const since = settings.fullRefresh || !stream.incremental || cursor === null ? null : lookbackFrom(cursor, settings.lookbackMinutes);
  const pass: PassState = { hwm, since, lastId: 0, full: since === null };
  await beginPass(db, stream.name, stream.model, pass);
  await runPass(odoo, db, stream, pass, settings, counts);
  if (settings.detectDeletes || settings.fullRefresh || !stream.incremental) {
    const { deleted, restored, unreadable } = await detectDeletes(odoo, db, stream, settings);
    counts.deleted = deleted;
    counts.restored = restored;
    counts.unreadable.push(...unreadable);
    counts.changed += deleted + restored;
  }
  counts.changed += await finishHashing();
  // Fresh statistics for the planner: incremental models pick rows by load_seq and id.
  if (counts.changed > 0) await db.query(`analyze ${quoteIdent(rawTableName(stream.model))}`);
  return counts;
}

async function runPass(odoo: OdooClient, db: Pool, stream: PlannedStream, pass: PassState, settings: ExtractSettings, counts: StreamCounts): Promise<void> {
  const window: Domain = pass.since === null ? [] : [leaf('write_date', '>=', pass.since)];
  const pageDomain = (lastId: number): Domain => and(stream.domain, window, [leaf('id', '>', lastId)]);
  // The pass's size is told after its first page: a page short of full is the whole pass, with no count to ask.
  let announced = settings.progress === undefined;
  const fetchedBefore = counts.fetched;
  const read = (lastId: number) => () => readRecords(odoo, stream, settings, pageDomain(lastId), settings.pageSize);
  const fetchAfter = (lastId: number): Promise<OdooRecord[]> => {
    const page = settings.requests ? settings.requests(read(lastId)) : read(lastId)();
    // Awaited later: if landing fails first, this page is dropped, and its rejection must not crash the process.
    page.catch(() => {});
    return page;
  };
  // Pipelined: the next page is asked for as soon as this one arrives (its last id is the next keyset
  // bound), and lands while that request is in flight. One page ahead at most, so memory stays flat;
  // the pass position still moves only with a landed page.
  let after = pass.lastId;
  let next: Promise<OdooRecord[]> | null = fetchAfter(after);
  while (next) {
    let page: OdooRecord[];
    let listed: number;
    let last: number;
    try {
      page = await next;
      listed = page.length;
      last = maxId(page);
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      // Odoo refused the page: list its ids and read around the records that fail.
      const ids = await odoo.search(stream.model, pageDomain(after), { order: 'id', limit: settings.pageSize, context: settings.context });
      page = await readPageAround(odoo, db, stream, settings, ids, error, counts);
      listed = ids.length;
      last = ids.length ? ids[ids.length - 1]! : after;
    }
    if (!announced) {
      announced = true;
      if (listed < settings.pageSize) settings.progress!.onPassStart(stream.name, fetchedBefore + listed);
      else await reportPassStart(odoo, stream, pageDomain(pass.lastId), settings, settings.progress!, fetchedBefore);
    }
    if (listed === 0) break;
    // A full page means more: read the rest in ranges at once when the run allows more than one request.
    const more = listed >= settings.pageSize;
    const ranged = more && settings.requests !== undefined && settings.requests.concurrency > 1;
    next = more && !ranged ? fetchAfter(last) : null;
    after = last;
    counts.changed += await landPage(db, stream.name, stream.model, page, { compareData: pass.full, upTo: last });
    counts.fetched += page.length;
    settings.progress?.onPage(stream.name, counts.fetched);
    if (ranged) await readRanges(odoo, db, stream, { domain: and(stream.domain, window), after, full: pass.full }, settings, settings.requests!, counts);
  }
  await completePass(db, stream.name);
}

/** Records skipped by earlier runs are read again first: those that now read land, those gone are forgotten. */
async function retryUnreadable(odoo: OdooClient, db: Pool, stream: PlannedStream, settings: ExtractSettings, counts: StreamCounts): Promise<void> {
  const ids = await readSkipped(db, stream.name);
  const { read, changed, skipped } = await landIds(odoo, db, stream, settings, ids, new Error(`records of ${stream.name} skipped by an earlier run still cannot be read`));
  counts.fetched += read;
  counts.changed += changed;
  counts.unreadable.push(...skipped);
}

/** The pass's size, counted with its first page's domain; a count Odoo refuses only leaves the total unknown. */
async function reportPassStart(odoo: OdooClient, stream: PlannedStream, domain: Domain, settings: ExtractSettings, progress: ExtractProgress, fetchedBefore: number): Promise<void> {
  try {
    const count = await odoo.searchCount(stream.model, domain, { context: settings.context });
    progress.onPassStart(stream.name, fetchedBefore + count);
  } catch (error) {
    progress.onPassStart(stream.name, null, firstLine(error));
  }
}

function maxId(page: readonly OdooRecord[]): number {
  return page.reduce((max, r) => (r.id > max ? r.id : max), 0);
}

/**
 * Where the next run's window may start (plus the lookback): no transaction
 * that has not committed yet can carry an older write_date, since Odoo stamps
 * write_date with its transaction's start on the database's clock. Odoo's
 * clock comes free with every answer (its Date header, written before this
 * pass sends anything); `clockSkewSeconds` covers a database clock that lags
 * the web server's. Without a Date header: the newest write_date there is.
 */
async function highWaterMark(odoo: OdooClient, stream: PlannedStream, settings: ExtractSettings): Promise<string | null> {
  const clock = odoo.serverClock();
  if (clock === null) return latestWriteDate(odoo, stream.model, stream.domain, settings.context);
  return odooDatetime(new Date(clock.getTime() - settings.clockSkewSeconds * 1000));
}

/** max(write_date) among the records of `domain` right now (naive UTC, to the second), or null when there are none. */
export async function latestWriteDate(odoo: OdooClient, model: string, domain: Domain, context: OdooContext): Promise<string | null> {
  const [latest] = await odoo.searchRead<OdooRecord>(model, domain, { fields: ['write_date'], order: 'write_date desc, id desc', limit: 1, context });
  const value = latest?.write_date;
  return typeof value === 'string' ? value.slice(0, 19) : null;
}
