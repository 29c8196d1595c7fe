import { describe, expect, it } from 'vitest';
import { checkSumFields, type DeclaredSum } from '../../src/verify/verify-plan.ts';
import type { PlannedStream } from '../../src/extract/stream-types.ts';
import { ModelError } from '../../src/transform/errors.ts';

const lines = (fields: string[]): PlannedStream => ({
  name: 'pos.order.line', model: 'pos.order.line', domain: [], fields, fieldTypes: fields.map((name) => ({ name, type: 'float' })), hashFields: [], incremental: true,
});

const sum = (odooField: string): DeclaredSum => ({
  model: 'fact_sales_lines', path: 'sql/marts/fact_sales_lines.sql', label: `fact_sales_lines.${odooField}`,
  check: { column: 'cost', odooModel: 'pos.order.line', odooField },
});

describe('checkSumFields', () => {
  it('skips a check on a field the default warehouse reads but the stream does not land, saying so', () => {
    const check = sum('total_cost');
    const skipped = checkSumFields([check], [lines(['price_subtotal_incl'])]);
    expect(skipped.get(check)).toBe('pos.order.line.total_cost is not landed (this Odoo lacks it, or elt.yml excludes it)');
  });

  it('passes a landed field and refuses one the warehouse does not expect', () => {
    expect(checkSumFields([sum('total_cost')], [lines(['total_cost'])]).size).toBe(0);
    expect(() => checkSumFields([sum('x_cost')], [lines(['total_cost'])])).toThrow(ModelError);
  });
});
