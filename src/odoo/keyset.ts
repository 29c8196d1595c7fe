/**
 * Keyset paging on id: each page asks for `id > last` with `order: 'id'` and
 * a limit, never an offset, so a model of a million records costs Odoo the
 * same per page from the first to the last, and a record created meanwhile
 * is neither skipped nor read twice. The next page is asked for while the
 * caller works on this one. The extractor, delete detection, `elt verify`
 * and the client's `iterate` all page this way.
 */

export interface KeysetPage<T> {
  readonly items: readonly T[];
  /** The page covers ids in (after, upTo]; upTo is null for the last page (open-ended). */
  readonly after: number;
  readonly upTo: number | null;
}

/**
 * Yields at least one page (an empty one when nothing matches). `fetch(after)`
 * asks for up to `limit` items with ids above `after`, in id order. Once
 * `max` items have come, no further page is asked for.
 */
export async function* keysetPages<T>(
  fetch: (after: number) => Promise<T[]>,
  idOf: (item: T) => number,
  limit: number,
  start = 0,
  max = Infinity,
): AsyncGenerator<KeysetPage<T>> {
  const fetchAfter = (after: number): Promise<T[]> => {
    const page = fetch(after);
    page.catch(() => {}); // awaited below; a caller that stops early must not leave it unhandled
    return page;
  };
  let after = start;
  let next: Promise<T[]> | null = fetchAfter(after);
  let seen = 0;
  while (next) {
    const items: T[] = await next;
    seen += items.length;
    const full: boolean = items.length === limit;
    const last: number = items.length ? idOf(items[items.length - 1]!) : after;
    next = full && seen < max ? fetchAfter(last) : null;
    yield { items, after, upTo: full ? last : null };
    after = last;
  }
}
