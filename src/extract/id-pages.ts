/**
 * Every record (or id) of a stream in keyset pages on id (`id > after`,
 * `order: 'id'`), with the stream's domain and the extract's context: what
 * delete detection lists ids with and what `elt verify` compares. Pages are
 * ten times the extract's, since ids and a few small fields cost Odoo little
 * (keyset.ts pages them).
 */
import type { OdooClient, OdooContext, OdooRecord } from '../odoo/client.ts';
import { and, leaf, type Domain } from '../odoo/domain.ts';
import { keysetPages, type KeysetPage } from '../odoo/keyset.ts';

/** Records (or ids) per page: this many extract pages. */
export const ID_PAGE_FACTOR = 10;

export type IdPage<T> = KeysetPage<T>;

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
  return keysetPages(
    (after) => odoo.searchRead<OdooRecord>(source.model, and(source.domain, [leaf('id', '>', after)]), { fields: [...fields], order: 'id', limit: source.limit, context: source.context }),
    (record) => record.id,
    source.limit,
    source.after,
  );
}

/** `search` pages: ids only, which Odoo lists without computing any field. */
export function idPages(odoo: OdooClient, source: PageSource): AsyncGenerator<IdPage<number>> {
  return keysetPages(
    (after) => odoo.search(source.model, and(source.domain, [leaf('id', '>', after)]), { order: 'id', limit: source.limit, context: source.context }),
    (id) => id,
    source.limit,
    source.after,
  );
}
