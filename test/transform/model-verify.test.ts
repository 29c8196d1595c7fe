import { describe, expect, it } from 'vitest';
import { describeCheck, odooSumKey, parseVerifyChecks } from '../../src/transform/model-verify.ts';
import { parseModelFile } from '../../src/transform/model-file.ts';
import { ModelError } from '../../src/transform/errors.ts';

const path = 'sql/marts/fact_sales.sql';

describe('the verify header', () => {
  it('reads sums, with or without a where, ;-separated', () => {
    expect(parseVerifyChecks("amount_total = sum(pos.order.amount_total) where source = 'pos'; price_total=sum(x_brand.x_amount)", path)).toEqual([
      { column: 'amount_total', odooModel: 'pos.order', odooField: 'amount_total', where: { column: 'source', value: 'pos' } },
      { column: 'price_total', odooModel: 'x_brand', odooField: 'x_amount' },
    ]);
    expect(parseVerifyChecks('', path)).toEqual([]);
  });

  it("reads a where inside sum(): Odoo's records with that value only, on either side of the model's where", () => {
    const [inner, both] = parseVerifyChecks(
      "amount_total_signed = sum(account.move.amount_total_signed where move_type = 'out_invoice'); amount = sum(account.move.amount_total where move_type='in_refund') where move_type = 'in_refund'",
      path,
    );
    expect(inner).toEqual({ column: 'amount_total_signed', odooModel: 'account.move', odooField: 'amount_total_signed', odooWhere: { field: 'move_type', value: 'out_invoice' } });
    expect(both).toEqual({
      column: 'amount', odooModel: 'account.move', odooField: 'amount_total', odooWhere: { field: 'move_type', value: 'in_refund' }, where: { column: 'move_type', value: 'in_refund' },
    });
    expect(odooSumKey(inner!)).toBe("amount_total_signed where move_type = 'out_invoice'");
    expect(odooSumKey({ odooField: 'amount_total' })).toBe('amount_total');
  });

  it("keeps a quoted value whole: ';' inside it, and '' for a quote", () => {
    const [check] = parseVerifyChecks("qty = sum(pos.order.line.qty) where channel = 'a;b''c'", path);
    expect(check).toEqual({ column: 'qty', odooModel: 'pos.order.line', odooField: 'qty', where: { column: 'channel', value: "a;b'c" } });
    expect(describeCheck('fact_sales_lines', check!)).toBe("fact_sales_lines.qty where channel = 'a;b''c'");
  });

  it.each([
    'amount_total = total(pos.order.amount_total)',
    'amount_total = sum(amount_total)',
    "amount_total = sum(pos.order.amount_total) where source = pos",
    "amount_total = sum(pos.order.amount_total) where source > 'pos'",
    "amount_total = sum(pos.order.amount_total where state) where source = 'pos'",
    'Amount = sum(pos.order.amount_total)',
  ])('refuses %j in one line naming the file and the grammar', (entry) => {
    expect(() => parseVerifyChecks(entry, path)).toThrow(ModelError);
    expect(() => parseVerifyChecks(entry, path)).toThrow(
      `${path}: verify "${entry}" should read "<column> = sum(<odoo model>.<field> [where <field> = '<value>']) [where <column> = '<value>']", e.g. "amount_total = sum(pos.order.amount_total) where source = 'pos'"`,
    );
  });

  it('is a header key of model files', () => {
    const model = parseModelFile(path, "-- materialized: table\n-- verify: amount_total = sum(pos.order.amount_total)\nselect 1 as amount_total");
    expect(model.verify).toEqual([{ column: 'amount_total', odooModel: 'pos.order', odooField: 'amount_total' }]);
    expect(parseModelFile(path, '-- materialized: table\nselect 1 as a').verify).toEqual([]);
  });
});
