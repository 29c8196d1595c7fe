/**
 * Every record (or id) of a stream in keyset pages on id (`id > after`,
 * `order: 'id'`), with the stream's domain and the extract's context: what
 * delete detection lists ids with and what `elt verify` compares. Pages are
 * ten times the extract's, since ids and a few small fields cost Odoo little;
 * the next page is asked for while the caller works on this one.
 */
import type { OdooClient, OdooContext, OdooRecord } from '../odoo/client.ts';
import { and, leaf, type Domain } from '../odoo/domain.ts';

/** Records (or ids) per page: this many extract pages. */
export const ID_PAGE_FACTOR = 10;

export interface IdPage<T> {
  readonly items: readonly T[];
  /** The page covers ids in (after, upTo]; upTo is null for the last page (open-ended). */
  readonly after: number;
  readonly upTo: number | null;
}

export interface PageSource {
  readonly model: string;
  readonly domain: Domain;
  readonly limit: number;
  readonly context: OdooContext;
  /** Start after this id (0: from the first). */
  readonly after?: number;
}

/** `search_read` pages of `fields` (and id). */
export function recordPages(odoo: OdooClient, source: PageSource, fields: readonly string[]): AsyncGenerator<IdPage<OdooRecord>> {
  return pages(
    (after) => odoo.searchRead<OdooRecord>(source.model, and(source.domain, [leaf('id', '>', after)]), { fields: [...fields], order: 'id', limit: source.limit, context: source.context }),
    (record) => record.id,
    source.limit,
    source.after,
  );
}

/** `search` pages: ids only, which Odoo lists without computing any field. */
export function idPages(odoo: OdooClient, source: PageSource): AsyncGenerator<IdPage<number>> {
  return pages(
    (after) => odoo.search(source.model, and(source.domain, [leaf('id', '>', after)]), { order: 'id', limit: source.limit, context: source.context }),
    (id) => id,
    source.limit,
    source.after,
  );
}

/** Yields at least one page (an empty one when Odoo has no record), so the raw side is always compared. */
async function* pages<T>(fetch: (after: number) => Promise<T[]>, idOf: (item: T) => number, limit: number, start = 0): AsyncGenerator<IdPage<T>> {
  const fetchAfter = (after: number): Promise<T[]> => {
    const page = fetch(after);
    page.catch(() => {}); // awaited below; a caller that stops early must not leave it unhandled
    return page;
  };
  let after = start;
  let next: Promise<T[]> | null = fetchAfter(after);
  while (next) {
    const items: T[] = await next;
    const full: boolean = items.length === limit;
    const last: number = items.length ? idOf(items[items.length - 1]!) : after;
    next = full ? fetchAfter(last) : null;
    yield { items, after, upTo: full ? last : null };
    after = last;
  }
}
