/**
 * One stream's reconciliation: the raw row count (not deleted) against
 * Odoo's `search_count`, then every id Odoo lists compared with raw, page by
 * page: ids Odoo has that raw lacks, ids raw still holds that Odoo no longer
 * lists, and ids whose write_date (or a field a model's `verify` header sums)
 * differs: changed behind the tool's back, or not extracted yet. Odoo's
 * totals of the summed fields are kept on the way, so a sum costs no extra
 * call. Memory stays flat: one page at a time, a few ids kept per kind.
 */
import type { OdooClient, OdooContext, OdooRecord } from '../odoo/client.ts';
import type { Pool } from '../db/pool.ts';
import { addTotals, comparePage, type DiffKind } from '../db/verify-queries.ts';
import { rawRowCounts } from '../db/raw-tables.ts';
import type { PlannedStream } from '../extract/stream-types.ts';
import { ID_PAGE_FACTOR, recordPages } from '../extract/id-pages.ts';
import { odooSumKey, type SumCheck } from '../transform/model-verify.ts';

/** One total Odoo's side of a verify check needs: a field, over the records whose `odooWhere` field has a value. */
export type OdooSum = Pick<SumCheck, 'odooField' | 'odooWhere'>;

/** Ids printed per kind of difference; the count says how many there are in all. */
export const SAMPLE_IDS = 10;

export interface IdSample {
  count: number;
  /** The lowest ids, ascending, at most SAMPLE_IDS. */
  ids: number[];
}

export type CheckStatus = 'ok' | 'drift' | 'failed' | 'skipped';

export interface StreamVerdict {
  readonly stream: string;
  readonly model: string;
  readonly status: CheckStatus;
  /** Live raw rows; null when not counted (skipped, failed, or no raw table). */
  readonly warehouse: number | null;
  readonly odoo: number | null;
  readonly missing: IdSample;
  readonly extra: IdSample;
  readonly changed: IdSample;
  /** Odoo's total of each sum, by odooSumKey, as exact numeric text. */
  readonly totals: ReadonlyMap<string, string>;
  readonly error?: string;
}

export interface VerifySettings {
  readonly pageSize: number;
  readonly context: OdooContext;
}

export async function verifyStream(odoo: OdooClient, db: Pool, stream: PlannedStream, sums: readonly OdooSum[], settings: VerifySettings): Promise<StreamVerdict> {
  const warehouse = (await rawRowCounts(db, stream.model))?.live ?? null;
  const count = await odoo.searchCount(stream.model, stream.domain, { context: settings.context });
  const diffs: Record<DiffKind, IdSample> = { missing: sample(), extra: sample(), changed: sample() };
  const sumFields = [...new Set(sums.map((s) => s.odooField))];
  const whereFields = sums.flatMap((s) => (s.odooWhere ? [s.odooWhere.field] : []));
  let totals = sums.map(() => '0');
  const pages = recordPages(
    odoo,
    { model: stream.model, domain: stream.domain, limit: settings.pageSize * ID_PAGE_FACTOR, context: settings.context },
    [...new Set([...(stream.incremental ? ['write_date'] : []), ...sumFields, ...whereFields])],
  );
  for await (const { items: records, after, upTo } of pages) {
    const values = sumFields.map((field) => records.map((r) => numericText(r, stream.model, field)));
    const summed = sums.map(({ odooField, odooWhere }) => {
      const column = values[sumFields.indexOf(odooField)]!;
      return odooWhere ? column.map((v, i) => (matches(records[i]![odooWhere.field], odooWhere.value) ? v : null)) : column;
    });
    const page = {
      ids: records.map((r) => r.id),
      writeDates: stream.incremental ? records.map((r) => (typeof r.write_date === 'string' ? r.write_date : null)) : null,
      values,
    };
    for (const { id, kind } of await comparePage(db, stream.model, page, sumFields, { after, upTo, rawExists: warehouse !== null })) {
      const found = diffs[kind];
      found.count++;
      if (found.ids.length < SAMPLE_IDS) found.ids.push(id);
    }
    if (sums.length) totals = await addTotals(db, summed, totals);
  }
  const drift = (warehouse ?? 0) !== count || diffs.missing.count + diffs.extra.count + diffs.changed.count > 0;
  return {
    stream: stream.name,
    model: stream.model,
    status: drift ? 'drift' : 'ok',
    warehouse,
    odoo: count,
    ...diffs,
    totals: new Map(sums.map((sum, i) => [odooSumKey(sum), totals[i]!])),
  };
}

/** A verdict for a stream that could not be compared. */
export function unverified(stream: string, model: string, status: 'failed' | 'skipped', error: string): StreamVerdict {
  return { stream, model, status, warehouse: null, odoo: null, missing: sample(), extra: sample(), changed: sample(), totals: new Map(), error };
}

function sample(): IdSample {
  return { count: 0, ids: [] };
}

/** A record's value against a verify `where` value: selections and text as they are, ids, numbers and booleans as their text ('true'). */
function matches(value: unknown, expected: string): boolean {
  return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && String(value) === expected;
}

/**
 * A number as numeric text: JavaScript prints the shortest text that reads
 * back as the same double, which is what Odoo sent (and what raw holds).
 * `false` (an empty value) is NULL; anything else is not a number field.
 */
function numericText(record: OdooRecord, model: string, field: string): string | null {
  const value = record[field];
  if (typeof value === 'number') return String(value);
  if (value === false || value === null || value === undefined) return null;
  throw new Error(`${model}.${field} is not a number field (Odoo sent ${JSON.stringify(value).slice(0, 40)} for record ${record.id}): a verify sum needs a float, monetary or integer field`);
}
