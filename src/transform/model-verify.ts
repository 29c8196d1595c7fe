/**
 * The `verify` header of a model: totals it must share with Odoo, checked by
 * `elt verify`. A tiny grammar, `;`-separated entries:
 *
 *   <column> = sum(<odoo model>.<field> [where <field> = '<value>']) [where <column> = '<value>']
 *
 * `amount_total = sum(pos.order.amount_total) where source = 'pos'` reads:
 * the model's `amount_total` summed over its rows with `source = 'pos'`
 * equals Odoo's `amount_total` summed over the records the `pos.order`
 * stream extracts (its domain, archived records included), to the cent.
 * A `where` inside `sum(...)` keeps only Odoo's records whose field has that
 * value (`sum(account.move.amount_total_signed where move_type = 'out_invoice')`):
 * a model that holds part of a stream.
 */
import { ModelError } from './errors.ts';

export interface SumCheck {
  /** The model's column that is summed. */
  readonly column: string;
  readonly odooModel: string;
  readonly odooField: string;
  /** Restricts the model's rows (e.g. one source of a fact that unions several). */
  readonly where?: { readonly column: string; readonly value: string };
  /** Restricts Odoo's records: those whose field has this value (compared as text). */
  readonly odooWhere?: { readonly field: string; readonly value: string };
}

const IDENT = '[a-z_][a-z0-9_]*';
const VALUE = "'((?:[^']|'')*)'";
const ENTRY = new RegExp(
  `^(${IDENT})\\s*=\\s*sum\\(\\s*([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)*)\\.(${IDENT})(?:\\s+where\\s+(${IDENT})\\s*=\\s*${VALUE})?\\s*\\)(?:\\s+where\\s+(${IDENT})\\s*=\\s*${VALUE})?$`,
);

export function parseVerifyChecks(text: string, path: string): SumCheck[] {
  // Split on `;` outside quoted values.
  const entries = (text.match(/(?:'(?:[^']|'')*'?|[^;'])+/g) ?? []).map((s) => s.trim()).filter(Boolean);
  return entries.map((entry) => {
    const m = ENTRY.exec(entry);
    if (!m) {
      throw new ModelError(
        `${path}: verify "${entry}" should read "<column> = sum(<odoo model>.<field> [where <field> = '<value>']) [where <column> = '<value>']", e.g. "amount_total = sum(pos.order.amount_total) where source = 'pos'"`,
      );
    }
    const unquote = (v: string) => v.replaceAll("''", "'");
    return {
      column: m[1]!,
      odooModel: m[2]!,
      odooField: m[3]!,
      ...(m[4] === undefined ? {} : { odooWhere: { field: m[4], value: unquote(m[5]!) } }),
      ...(m[6] === undefined ? {} : { where: { column: m[6], value: unquote(m[7]!) } }),
    };
  });
}

/** The check as written in the header, for reports. */
export function describeCheck(model: string, check: SumCheck): string {
  return `${model}.${check.column}${check.where ? whereText(check.where.column, check.where.value) : ''}`;
}

/** What Odoo's side of a check sums, as a key: `amount_total` or `amount_total where move_type = 'out_invoice'`. */
export function odooSumKey(check: Pick<SumCheck, 'odooField' | 'odooWhere'>): string {
  const { odooField, odooWhere } = check;
  return `${odooField}${odooWhere ? whereText(odooWhere.field, odooWhere.value) : ''}`;
}

/** ` where <name> = '<value>'`, the value quoted back as the header writes it. */
function whereText(name: string, value: string): string {
  return ` where ${name} = '${value.replaceAll("'", "''")}'`;
}
