import { odooDatetime } from '../odoo/datetime.ts';

/** Odoo datetimes are naive UTC strings 'YYYY-MM-DD HH:MM:SS'. */
const ODOO_DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;


/** `cursor` minus the lookback window, as an Odoo datetime string. */
export function lookbackFrom(cursor: string, lookbackMinutes: number): string {
  if (!ODOO_DATETIME.test(cursor)) throw new Error(`cursor "${cursor}" is not an Odoo datetime (YYYY-MM-DD HH:MM:SS)`);
  const ms = Date.parse(`${cursor.replace(' ', 'T')}Z`) - lookbackMinutes * 60_000;
  return odooDatetime(new Date(ms));
}
