/**
 * `<dateTime.iso8601>` text to a Date. Python's xmlrpc.client (Odoo's side)
 * marshals a naive datetime with no offset, and Odoo's datetimes are UTC; the
 * `xmlrpc` package would read such a value in this machine's time zone, so
 * the same answer would give a different instant in Paris and in Kiritimati.
 * Any other form (`Z`, an offset) is left to the package, as before.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dateFormatter = require('xmlrpc/lib/date_formatter.js') as { decodeIso8601(text: string): Date };

const NAIVE_DATETIME = /^\d{4}-?\d{2}-?\d{2}T\d{2}(:?\d{2}(:?\d{2}(\.\d+)?)?)?$/;
const DATE_ONLY = /^\d{4}-?\d{2}-?\d{2}$/;

/** Throws the package's Error on text that is not ISO 8601. */
export function decodeXmlRpcDateTime(text: string): Date {
  const trimmed = text.trim();
  if (NAIVE_DATETIME.test(trimmed)) return dateFormatter.decodeIso8601(`${trimmed}Z`);
  if (DATE_ONLY.test(trimmed)) return dateFormatter.decodeIso8601(`${trimmed}T00:00:00Z`);
  return dateFormatter.decodeIso8601(text);
}
