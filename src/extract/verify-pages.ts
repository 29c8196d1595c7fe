/**
 * The Odoo side of `elt verify`: every record of a stream, as few fields as
 * possible (id, write_date and the fields a model's `verify` header sums),
 * in keyset pages on id with the extract's domain and context. Pages are
 * ten times the extract's, since a few small fields per record cost Odoo
 * little; the next page is asked for while the caller compares this one.
 */
import type { OdooClient, OdooContext, OdooRecord } from '../odoo/client.ts';
import { and, leaf, type Domain } from '../odoo/domain.ts';

/** Records per page: this many extract pages. */
export const VERIFY_PAGE_FACTOR = 10;

export interface VerifyPage {
  readonly records: readonly OdooRecord[];
  /** The page covers ids in (after, upTo]; upTo is null for the last page (open-ended). */
  readonly after: number;
  readonly upTo: number | null;
}

export interface PageSource {
  readonly model: string;
  readonly domain: Domain;
  readonly fields: readonly string[];
  readonly limit: number;
  readonly context: OdooContext;
}

/** Yields at least one page (an empty one when Odoo has no record), so the raw side is always compared. */
export async function* verifyPages(odoo: OdooClient, source: PageSource): AsyncGenerator<VerifyPage> {
  const fetchAfter = (after: number): Promise<OdooRecord[]> => {
    const page = odoo.searchRead(source.model, and(source.domain, [leaf('id', '>', after)]), {
      fields: [...source.fields],
      order: 'id',
      limit: source.limit,
      context: source.context,
    });
    page.catch(() => {}); // awaited below; a caller that stops early must not leave it unhandled
    return page;
  };
  let after = 0;
  let next: Promise<OdooRecord[]> | null = fetchAfter(after);
  while (next) {
    const records: OdooRecord[] = await next;
    const full: boolean = records.length === source.limit;
    const last: number = records.length ? records[records.length - 1]!.id : after;
    next = full ? fetchAfter(last) : null;
    yield { records, after, upTo: full ? last : null };
    after = last;
  }
}
