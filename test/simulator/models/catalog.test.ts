import { describe, it, expect } from 'vitest';
import { retailModels } from '../../../src/simulator/models/catalog.ts';
import { generateRetail } from '../../../src/simulator/generator.ts';
import type { ModelDef, RecordLookup, RecordValues } from '../../../src/simulator/model-def.ts';

const VARIANTS = [
  { version: 17 },
  { version: 17, brand: true, posPromotion: true },
  { version: 18 },
  { version: 19, brand: true },
];

function byName(defs: ModelDef[]): Map<string, ModelDef> {
  return new Map(defs.map((d) => [d.name, d]));
}

/** Records of a generated database (scale 0: master data only), readable through the RecordLookup the computes get. */
function seeded(version: number): RecordLookup & { first(model: string, where: (r: RecordValues) => boolean): RecordValues } {
  const rows = new Map<string, RecordValues[]>();
  generateRetail({
    insert(model, values) {
      let list = rows.get(model);
      if (!list) rows.set(model, (list = []));
      list.push({ ...values, id: list.length + 1 });
      return list.length;
    },
  }, { now: new Date('2025-03-15T12:00:00Z'), version, scale: 0.02 });
  return {
    get: (model, id) => rows.get(model)?.[id - 1],
    first: (model, where) => {
      const found = (rows.get(model) ?? []).find(where);
      if (!found) throw new Error(`no ${model} matches`);
      return found;
    },
  };
}

describe('retailModels structure', () => {
  it('relates only to models of the same catalog, never to magic names', () => {
    for (const options of VARIANTS) {
      const defs = byName(retailModels(options));
      const problems: string[] = [];
      for (const def of defs.values()) {
        for (const [name, field] of Object.entries(def.fields)) {
          if (['id', 'display_name', 'create_uid', 'create_date', 'write_uid', 'write_date'].includes(name)) problems.push(`${def.name}.${name} is magic`);
          if (field.relation && !defs.has(field.relation)) problems.push(`${def.name}.${name} -> ${field.relation}`);
          if (field.store === false && !field.compute) problems.push(`${def.name}.${name} is not stored and has no compute`);
          if (field.type === 'selection' && !field.selection?.length) problems.push(`${def.name}.${name} has no selection`);
          if (field.type === 'one2many') {
            const inverse = defs.get(field.relation!)?.fields[field.relationField!];
            if (inverse?.type !== 'many2one' || inverse.relation !== def.name) problems.push(`${def.name}.${name} inverse ${field.relationField}`);
          }
        }
      }
      expect(problems, JSON.stringify(options)).toEqual([]);
    }
  });

  it('declares each model once', () => {
    for (const options of VARIANTS) {
      const names = retailModels(options).map((d) => d.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('follows the Odoo 17 source on orders and store flags', () => {
    const defs = byName(retailModels({ version: 17 }));
    expect(defs.get('pos.order')!.order).toBe('date_order desc, name desc, id desc');
    expect(defs.get('sale.order')!.order).toBe('date_order desc, id desc');
    expect(defs.get('product.product')!.order).toBe('priority desc, default_code, name, id');
    expect(defs.get('res.partner')!.order).toBe('complete_name ASC, id DESC');
    expect(defs.get('res.partner')!.fields.state_id).toMatchObject({ type: 'many2one', relation: 'res.country.state' });
    expect(defs.get('res.country.state')!.order).toBe('code');
    expect(defs.get('res.country')!.fields.state_ids).toMatchObject({ type: 'one2many', relation: 'res.country.state', relationField: 'country_id' });
    expect(defs.get('stock.location')!.recName).toBe('complete_name');
    const product = defs.get('product.product')!.fields;
    // _inherits: the template's fields are there, but not stored on the variant.
    expect(product.name!.store).toBe(false);
    expect(product.lst_price!.store).toBe(false);
    expect(product.standard_price!.store).toBe(false);
    expect(product.image_1920!.store).toBe(false);
    expect(product.image_variant_1920!.store).toBeUndefined();
    expect(defs.get('product.template')!.fields.pos_categ_ids).toMatchObject({ type: 'many2many', relation: 'pos.category' });
    expect(defs.get('product.template')!.fields.image_1920!.type).toBe('binary');
    expect(defs.get('res.partner')!.fields.x_loyalty_tier!.type).toBe('char');
    // phone_validation's `_phone_get_number_fields`: mobile, then phone
    expect(defs.get('res.partner')!.fields.mobile).toMatchObject({ type: 'char', string: 'Mobile' });
    expect(defs.get('res.partner')!.fields.phone_sanitized).toMatchObject({ type: 'char', depends: ['mobile', 'phone'] });
    expect(defs.get('res.users')!.fields.name!.store).toBe(false);
    expect(defs.get('pos.session')!.fields.company_id!.store).toBe(false);
    expect(defs.get('pos.order')!.fields.config_id!.store).toBeUndefined();
    expect(defs.get('pos.order')!.fields.lines).toMatchObject({ type: 'one2many', relation: 'pos.order.line', relationField: 'order_id' });
    expect(defs.has('product.brand')).toBe(false);
    expect(defs.has('pos.promotion')).toBe(false);
    expect(defs.has('hr.version')).toBe(false);
    expect(defs.get('hr.employee')!.fields.department_id!.store).toBeUndefined();
  });

  it('adds the optional modules and the version differences', () => {
    const withOptions = byName(retailModels({ version: 17, brand: true, posPromotion: true }));
    expect(withOptions.get('product.template')!.fields.product_brand_id).toMatchObject({ type: 'many2one', relation: 'product.brand' });
    expect(withOptions.get('product.product')!.fields.product_brand_id!.store).toBe(false);
    expect(withOptions.has('pos.promotion')).toBe(true);
    const v18 = byName(retailModels({ version: 18 }));
    expect(v18.get('product.product')!.fields.standard_price!.store).toBeUndefined();
    expect(v18.get('product.template')!.fields.detailed_type).toBeUndefined();
    expect(v18.get('product.template')!.fields.type!.selection).toEqual([['consu', 'Goods'], ['service', 'Service'], ['combo', 'Combo']]);
    const v19 = byName(retailModels({ version: 19 }));
    expect(v19.has('uom.category')).toBe(false);
    expect(v19.has('hr.version')).toBe(true);
    expect(v19.get('hr.employee')!.fields.department_id!.store).toBe(false);
    expect(v19.get('hr.employee')!.fields.job_id!.store).toBe(false);
    expect(v19.get('hr.employee')!.fields.current_version_id).toMatchObject({ type: 'many2one', relation: 'hr.version' });
    // Odoo 19 dropped res.partner's mobile (phone alone remains); 18 still has it
    expect(v18.get('res.partner')!.fields.mobile).toMatchObject({ type: 'char' });
    expect(v19.get('res.partner')!.fields.mobile).toBeUndefined();
    expect(v19.get('res.partner')!.fields.phone_sanitized).toMatchObject({ type: 'char', depends: ['phone'] });
    expect(Object.keys(v19.get('res.users')!.fields).filter((f) => f.includes('mobile'))).toEqual([]);
    // only mobile goes: the other fields keep their place (fields_get and ir.model.fields order)
    const partner17 = Object.keys(byName(retailModels({ version: 17 })).get('res.partner')!.fields);
    expect(Object.keys(v19.get('res.partner')!.fields)).toEqual(partner17.filter((f) => f !== 'mobile'));
  });
});

describe('retailModels computes and display names', () => {
  const db17 = seeded(17);
  const defs17 = byName(retailModels({ version: 17 }));
  const display = (model: string, record: RecordValues, db: RecordLookup = db17): string =>
    defs17.get(model)!.displayName!(record, db);

  it('reads inherited product fields through the template', () => {
    const product = db17.first('product.product', (p) => p.default_code === 'ALI-0001');
    const template = db17.get('product.template', product.product_tmpl_id as number)!;
    const fields = defs17.get('product.product')!.fields;
    expect(fields.name!.compute!(product, db17)).toBe('Baguette tradition');
    expect(fields.lst_price!.compute!(product, db17)).toBe(template.list_price);
    expect(display('product.product', product)).toBe('[ALI-0001] Baguette tradition');
    const cost = fields.standard_price!.compute!(product, db17) as number;
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThan(template.list_price as number);
  });

  it('names records the way Odoo displays them', () => {
    const receipts = db17.first('stock.picking.type', (t) => t.name === 'Receipts');
    expect(display('stock.picking.type', receipts)).toBe('Paris Bastille: Receipts');
    const bakery = db17.first('pos.category', (c) => c.name === 'Boulangerie');
    expect(display('pos.category', bakery)).toBe('Frais / Boulangerie');
    const contact = db17.first('res.partner', (p) => p.parent_id !== false && p.name !== false && p.parent_id !== 1);
    const company = db17.get('res.partner', contact.parent_id as number)!;
    expect(display('res.partner', contact)).toBe(`${String(company.name)}, ${String(contact.name)}`);
    const reward = db17.first('loyalty.reward', (r) => r.description === '5% on your order');
    expect(display('loyalty.reward', reward)).toBe('Carte fidélité ⭐ - 5% on your order');
    const stock = db17.first('stock.location', (l) => l.complete_name === 'PAR/Stock');
    expect(stock.name).toBe('Stock');
    expect(display('res.users', db17.get('res.users', 2)!)).toBe('Amélie Durand');
    expect(display('product.pricelist', db17.get('product.pricelist', 1)!)).toBe('Liste de prix publique (EUR)');
    expect(display('res.country.state', db17.first('res.country.state', (s) => s.code === 'NY'))).toBe('New York (US)');
  });

  it('sanitizes the first number phone_validation finds: mobile then phone on 17, phone alone on 19', () => {
    const db19 = seeded(19);
    const sanitized17 = defs17.get('res.partner')!.fields.phone_sanitized!.compute!;
    const sanitized19 = byName(retailModels({ version: 19 })).get('res.partner')!.fields.phone_sanitized!.compute!;
    const both = { phone: '+33 1 43 55 21 09', mobile: '+33 6 12 34 56 78' };
    expect(sanitized17(both, db17)).toBe('+33612345678');
    expect(sanitized17({ phone: '+33 1 43 55 21 09', mobile: false }, db17)).toBe('+33143552109');
    expect(sanitized19({ phone: '+33 1 43 55 21 09' }, db19)).toBe('+33143552109');
    expect(sanitized19({ phone: false }, db19)).toBe(false);
  });

  it('reads an Odoo 19 employee\'s department through its current version', () => {
    const db19 = seeded(19);
    const fields = byName(retailModels({ version: 19 })).get('hr.employee')!.fields;
    const employee = db19.get('hr.employee', 1)!;
    const version = db19.get('hr.version', employee.current_version_id as number)!;
    expect(fields.department_id!.compute!(employee, db19)).toBe(version.department_id);
    expect(fields.job_id!.compute!(employee, db19)).toBe(version.job_id);
    expect(fields.version_id!.compute!(employee, db19)).toBe(employee.current_version_id);
  });
});
