/**
 * How Odoo sends field values, as the model helpers' record types spell them:
 * the records come exactly as Odoo's `search_read` gives them, so a script can
 * trust the types and still compare with what it sees in Odoo.
 */

/** A many2one: `[id, display name]` (a branch's name, a product's `[REF] Name`), or `false` when empty. */
export type Many2one = [id: number, name: string] | false;

/** A datetime as Odoo sends it: naive UTC, `'2026-12-01 08:15:00'`; `toLocalDatetime` shows it in a zone. */
export type OdooDatetime = string;

/** A date as Odoo sends it, `'2026-12-01'`: a calendar day, no zone. */
export type OdooDate = string;
