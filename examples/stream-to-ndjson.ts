/**
 * Streams every record of an Odoo model to stdout as NDJSON (one JSON object
 * per line), in id order, read in keyset pages: a million records cost Odoo
 * the same per page from the first to the last, and memory stays one page.
 *
 *   npx tsx examples/stream-to-ndjson.ts product.product > products.ndjson
 *   npx tsx examples/stream-to-ndjson.ts res.partner name,email,country_id > partners.ndjson
 *
 * Without a field list it takes every stored field but binaries (images).
 * Archived records are included. The Odoo login comes from the variables
 * elt reads (ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD or ODOO_API_KEY), or .env.
 */
import { once } from 'node:events';
import { connect, connectionFromEnv, isConfigurationError } from 'odoo-elt';

const [model, fieldList] = process.argv.slice(2);
if (model === undefined) {
  console.error('usage: stream-to-ndjson.ts <model> [field,field,...]');
  process.exit(2);
}

try {
  const odoo = await connect(connectionFromEnv());
  const fields = fieldList
    ? fieldList.split(',').map((f) => f.trim())
    : Object.entries(await odoo.fieldsGet(model)).filter(([, f]) => f.store && f.type !== 'binary').map(([name]) => name);
  let records = 0;
  for await (const page of odoo.pages(model, [], { fields, context: { active_test: false } })) {
    // Waits when stdout is slower than Odoo (a pipe to gzip, a slow disk), instead of buffering the model.
    if (!process.stdout.write(`${page.map((record) => JSON.stringify(record)).join('\n')}\n`)) await once(process.stdout, 'drain');
    records += page.length;
  }
  console.error(`${records} ${model} records`);
} catch (error) {
  console.error(`stream-to-ndjson: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(isConfigurationError(error) ? 2 : 1);
}
