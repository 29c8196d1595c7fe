import { describe, it, expect } from 'vitest';
import { retailModels } from '../../src/simulator/models/catalog.ts';
import type { RecordValues } from '../../src/simulator/model-def.ts';
import { generate, type MemorySink } from './generator/memory-sink.ts';

const small = generate();
const full = generate({ scale: 1, brand: true, posPromotion: true });
const v19 = generate({ version: 19 });
const defs17 = new Map(retailModels({ version: 17, brand: true, posPromotion: true }).map((d) => [d.name, d]));

/** The sink holds between `least` and `most` records of `model`. */
function expectCount(sink: MemorySink, model: string, least: number, most: number): void {
  const count = sink.count(model);
  expect(count, model).toBeGreaterThanOrEqual(least);
  expect(count, model).toBeLessThanOrEqual(most);
}

describe('generateRetail determinism', () => {
  it('gives the same records for the same seed', () => {
    const again = generate();
    for (const model of small.rows.keys()) {
      expect(JSON.stringify(again.all(model)), model).toBe(JSON.stringify(small.all(model)));
    }
  });

  it('gives different records for another seed', () => {
    const other = generate({ seed: 8 });
    expect(JSON.stringify(other.all('pos.order'))).not.toBe(JSON.stringify(small.all('pos.order')));
    expect(JSON.stringify(other.all('res.partner'))).not.toBe(JSON.stringify(small.all('res.partner')));
  });

  it('keeps the master data identical across scales', () => {
    const bigger = generate({ scale: 0.3 });
    expect(bigger.count('pos.order')).toBe(450);
    for (const model of ['product.product', 'res.partner', 'hr.employee', 'stock.quant', 'account.account', 'account.journal', 'res.currency.rate']) {
      const a = small.all(model).map((r) => r.values);
      const b = bigger.all(model).map((r) => r.values);
      expect(JSON.stringify(b), model).toBe(JSON.stringify(a));
    }
  });

  it('rejects a negative scale', () => {
    expect(() => generate({ scale: -1 })).toThrow('generateRetail: scale must be a finite number >= 0, got -1');
  });
});

describe('generateRetail volumes', () => {
  it('produces the scale-1 retail company', () => {
    // [model, at least, at most]: an exact count when both are equal, no upper bound when at most is Infinity
    const volumes: Array<readonly [string, number, number]> = [
      ['res.company', 1, 1],
      ['pos.config', 4, 4], // 3 shops + 1 archived kiosk
      ['stock.warehouse', 3, 3],
      ['product.category', 28, 34],
      ['pos.category', 8, Infinity],
      ['product.product', 180, 230],
      ['product.brand', 8, 8],
      ['stock.quant', 250, 350],
      ['hr.department', 7, 7],
      ['hr.work.location', 3, 3],
      ['hr.job', 10, 10],
      ['hr.employee', 35, 45],
      ['res.users', 10, Infinity],
      ['crm.team', 3, 3],
      ['loyalty.program', 5, 5],
      ['pos.session', 250, 270], // one session per shop per day, minus the German shop's Sundays
      ['pos.order', 1500, 1500],
      ['pos.order.line', 3600, 4400],
      ['pos.payment', 1500, Infinity],
      ['sale.order', 200, 200],
      ['sale.order.line', 500, 700],
      ['purchase.order', 100, 100],
      ['purchase.order.line', 330, 470],
      ['account.account', 37, 37],
      ['account.journal', 8, 8],
      ['account.move', 300, 450], // invoices for ~85 sale orders, bills for ~55 purchase orders, direct ones, payments, entries
      ['account.move.line', 1200, 1900],
      ['account.payment', 100, 180],
    ];
    for (const [model, least, most] of volumes) expectCount(full, model, least, most);
    expect(full.count('product.template')).toBeLessThan(full.count('product.product'));
    // Customers: partners whose commercial entity (themselves, or their company) has a customer rank.
    const customers = full.all('res.partner').filter(
      (r) => (full.get('res.partner', r.values.commercial_partner_id as number)!.values.customer_rank as number) > 0,
    );
    expect(customers.length).toBeGreaterThanOrEqual(280);
  });

  it('scales the transactions, not the master data, at 0.1', () => {
    expect(small.count('pos.order')).toBe(150);
    expectCount(small, 'pos.order.line', 330, 480);
    expect(small.count('sale.order')).toBe(20);
    expect(small.count('purchase.order')).toBe(10);
    expectCount(small, 'account.move', 30, 60);
    expect(small.count('account.account')).toBe(full.count('account.account'));
    expect(small.count('product.product')).toBe(full.count('product.product'));
    expect(small.count('pos.session')).toBe(full.count('pos.session'));
  });
});

describe('generateRetail against the model definitions', () => {
  it('writes at least one record in every model of the catalog, and nothing else', () => {
    for (const [sink, options] of [
      [full, { version: 17, brand: true, posPromotion: true }],
      [small, { version: 17 }],
      [v19, { version: 19 }],
    ] as const) {
      const names = retailModels(options).map((d) => d.name);
      for (const name of names) expect(sink.count(name), name).toBeGreaterThan(0);
      expect([...sink.rows.keys()].filter((m) => !names.includes(m))).toEqual([]);
    }
  });

  it('writes only declared, stored, non-one2many fields', () => {
    for (const [sink, options] of [[full, { version: 17, brand: true, posPromotion: true }], [v19, { version: 19 }]] as const) {
      const defs = new Map(retailModels(options).map((d) => [d.name, d]));
      for (const [model, rows] of sink.rows) {
        const def = defs.get(model)!;
        const bad = new Set<string>();
        for (const row of rows) {
          for (const key of Object.keys(row.values)) {
            const field = def.fields[key];
            if (!field || field.store === false || field.type === 'one2many') bad.add(key);
          }
        }
        expect([...bad], `${model} v${options.version}`).toEqual([]);
      }
    }
  });

  it('points every many2one and many2many at an existing record of its relation', () => {
    for (const [sink, options] of [[full, { version: 17, brand: true, posPromotion: true }], [v19, { version: 19 }]] as const) {
      const defs = new Map(retailModels(options).map((d) => [d.name, d]));
      const dangling: string[] = [];
      for (const [model, rows] of sink.rows) {
        const def = defs.get(model)!;
        for (const row of rows) {
          for (const [key, value] of Object.entries(row.values)) {
            const field = def.fields[key]!;
            const ids = field.type === 'many2one' ? (value === false ? [] : [value]) : field.type === 'many2many' ? (value as unknown[]) : [];
            for (const id of ids) {
              if (typeof id !== 'number' || !sink.get(field.relation!, id)) dangling.push(`${model}(${row.id}).${key} -> ${String(id)}`);
            }
          }
        }
      }
      expect(dangling.slice(0, 5)).toEqual([]);
    }
  });

  it('uses only declared selection values', () => {
    const wrong: string[] = [];
    for (const [model, rows] of full.rows) {
      const def = defs17.get(model)!;
      for (const row of rows) {
        for (const [key, value] of Object.entries(row.values)) {
          const field = def.fields[key]!;
          if (field.type === 'selection' && value !== false && !field.selection!.some(([k]) => k === value)) wrong.push(`${model}.${key}=${String(value)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives every self-referencing record a consistent commercial partner', () => {
    for (const row of full.all('res.partner')) {
      const commercial = row.values.commercial_partner_id;
      if (row.values.parent_id === false) expect(commercial, `partner ${row.id}`).toBe(row.id);
      else expect(commercial).toBe(full.get('res.partner', row.values.parent_id as number)!.values.commercial_partner_id);
    }
  });
});

describe('generateRetail versions', () => {
  it('writes hr.version rows only for Odoo 19, one current version per employee', () => {
    expect(small.count('hr.version')).toBe(0);
    expect(small.all('hr.employee').every((e) => typeof e.values.department_id === 'number')).toBe(true);
    expect(v19.count('hr.version')).toBeGreaterThanOrEqual(v19.count('hr.employee'));
    for (const e of v19.all('hr.employee')) {
      expect(e.values.department_id).toBeUndefined();
      const version = v19.get('hr.version', e.values.current_version_id as number)!;
      expect(version.values.employee_id).toBe(e.id);
      expect(typeof version.values.job_id).toBe('number');
    }
  });

  it('writes no res.partner mobile in Odoo 19, yet draws the same numbers: partners and sales as on 17 otherwise', () => {
    const partners17 = small.all('res.partner');
    expect(partners17.filter((p) => typeof p.values.mobile === 'string').length).toBeGreaterThan(50);
    expect(v19.all('res.partner').filter((p) => 'mobile' in p.values).map((p) => p.id)).toEqual([]);
    const withoutMobile = (values: RecordValues): RecordValues => {
      const copy = { ...values };
      delete copy.mobile;
      return copy;
    };
    expect(v19.all('res.partner').map((p) => p.values)).toEqual(partners17.map((p) => withoutMobile(p.values)));
    for (const model of ['pos.order', 'pos.order.line', 'pos.payment', 'sale.order', 'sale.order.line', 'purchase.order', 'purchase.order.line']) {
      expect(v19.count(model), model).toBeGreaterThan(0);
      expect(JSON.stringify(v19.all(model).map((r) => r.values)), model).toBe(JSON.stringify(small.all(model).map((r) => r.values)));
    }
  });

  it('drops uom.category in Odoo 19 and stores the cost from Odoo 18', () => {
    expect(v19.count('uom.category')).toBe(0);
    expect(v19.all('uom.uom').some((u) => u.values.relative_uom_id !== false)).toBe(true);
    expect(v19.all('product.product').every((p) => typeof p.values.standard_price === 'number')).toBe(true);
    expect(small.all('product.product').every((p) => p.values.standard_price === undefined)).toBe(true);
    expect(generate({ version: 18 }).all('product.template').every((t) => t.values.detailed_type === undefined)).toBe(true);
  });
});
