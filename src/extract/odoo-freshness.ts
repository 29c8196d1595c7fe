/**
 * How far behind Odoo a stream's raw table is, asked of Odoo itself (`elt
 * status --odoo`): its newest write_date now and how many records it has
 * with a later write_date than the stream's cursor. Both in Odoo's own
 * clock, with the stream's domain and the extract's context, so they count
 * what the next extract would read beyond its lookback window.
 */
import pLimit from 'p-limit';
import type { OdooClient, OdooContext } from '../odoo/client.ts';
import { and, leaf, type Domain } from '../odoo/domain.ts';
import { OdooUnknownModelError } from '../odoo/errors.ts';
import type { Stream } from './streams.ts';
import { latestWriteDate } from './stream-extract.ts';
import { odooDatetime } from '../odoo/datetime.ts';
import { firstLine } from '../util/first-line.ts';

export interface OdooFreshness {
  /** Odoo's max(write_date) for the stream now (naive UTC); null when it has no record or no write_date. */
  readonly maxWriteDate: string | null;
  /** Records with a write_date in a later second than the cursor (all of them before a first extract); null for a model without write_date. */
  readonly newerRecords: number | null;
  /** maxWriteDate minus the cursor, in seconds, never below 0; null without both. */
  readonly behindSeconds: number | null;
  /** Why Odoo could not tell (access refused, model missing ...), in Odoo's words. */
  readonly error: string | null;
}

export async function odooFreshness(
  odoo: OdooClient,
  streams: ReadonlyArray<{ stream: Stream; cursor: string | null }>,
  context: OdooContext,
  concurrency: number,
): Promise<Map<string, OdooFreshness>> {
  const limit = pLimit(concurrency);
  const answers = await Promise.all(streams.map(({ stream, cursor }) => limit(async () => [stream.name, await ask(odoo, stream, cursor, context)] as const)));
  return new Map(answers);
}

async function ask(odoo: OdooClient, stream: Stream, cursor: string | null, context: OdooContext): Promise<OdooFreshness> {
  try {
    const fields = await odoo.fieldsGet(stream.model, ['type'], { context });
    if (!('write_date' in fields)) {
      return { maxWriteDate: null, newerRecords: null, behindSeconds: null, error: null };
    }
    const maxWriteDate = await latestWriteDate(odoo, stream.model, stream.domain, context);
    // Odoo stores write_date to the microsecond but reads it to the second, as the cursor is kept:
    // the records of the cursor's own second are those the last extract saw, so count from the next one.
    const newer: Domain = cursor === null ? [] : [leaf('write_date', '>=', nextSecond(cursor))];
    const newerRecords = await odoo.searchCount(stream.model, and(stream.domain, newer), { context });
    return { maxWriteDate, newerRecords, behindSeconds: behind(maxWriteDate, cursor), error: null };
  } catch (error) {
    // The extract's own words for an optional module that is not installed.
    const message = error instanceof OdooUnknownModelError ? `Odoo has no model ${stream.model} (module not installed)` : firstLine(error);
    return { maxWriteDate: null, newerRecords: null, behindSeconds: null, error: message };
  }
}

function nextSecond(stamp: string): string {
  return odooDatetime(new Date(Date.parse(`${stamp.replace(' ', 'T')}Z`) + 1000));
}

function behind(maxWriteDate: string | null, cursor: string | null): number | null {
  if (maxWriteDate === null || cursor === null) return null;
  const ms = Date.parse(`${maxWriteDate.replace(' ', 'T')}Z`) - Date.parse(`${cursor.replace(' ', 'T')}Z`);
  return Math.max(0, Math.round(ms / 1000));
}
