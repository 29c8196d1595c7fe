/**
 * The one way a stream's records are read from Odoo, whatever lands them
 * (keyset pages, ranged passes, unreadable-record isolation, delete
 * detection's restores, retries of skipped records): the stream's fields, in
 * id order, with the run's context. Its hashed fields (elt.yml hash_fields)
 * are hashed here, as soon as Odoo answers, so no clear value of theirs goes
 * further: not to the raw table, nor to a landing error's text.
 */
import type { OdooClient, OdooRecord } from '../odoo/client.ts';
import type { Domain } from '../odoo/domain.ts';
import { hashRecords, streamHashKey } from './hash-fields.ts';
import type { ExtractSettings, PlannedStream } from './stream-types.ts';

export async function readRecords(odoo: OdooClient, stream: PlannedStream, settings: ExtractSettings, domain: Domain, limit?: number): Promise<OdooRecord[]> {
  const key = streamHashKey(stream, settings.hashKey);
  const records = await odoo.searchRead<OdooRecord>(stream.model, domain, {
    fields: [...stream.fields],
    order: 'id',
    limit,
    context: settings.context,
    displayNames: settings.displayNames,
  });
  if (key) hashRecords(records, stream.hashFields, key);
  return records;
}
