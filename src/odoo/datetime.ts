/** Odoo's datetime values: naive UTC strings 'YYYY-MM-DD HH:MM:SS'. */

/** An instant as an Odoo datetime string, to the second (rounded down). */
export function odooDatetime(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}
