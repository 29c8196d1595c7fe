import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import xmlrpc from 'xmlrpc';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';

function kw(sim: Simulator, model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<unknown> {
  const client = xmlrpc.createClient({ url: `${sim.url}/xmlrpc/2/object` });
  return new Promise((resolve, reject) => {
    client.methodCall('execute_kw', [sim.db, 2, 'admin', model, method, args, kwargs], (error: unknown, value: unknown) =>
      error ? reject(error) : resolve(value),
    );
  });
}

describe.each([17, 19])('the default retail simulator, Odoo %i, scale 1', (version) => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ now: SIM_NOW, version, scale: 1, seed: 11, brand: true, posPromotion: true });
  });

  afterAll(async () => {
    await sim.close();
  });

  it('answers search_count, fields_get and search with the default order on every model, and reads every field of a page', async () => {
    const models = sim.store.modelNames();
    expect(models).toEqual(expect.arrayContaining(['res.partner', 'product.product', 'pos.order', 'pos.order.line', 'stock.quant']));
    for (const model of models) {
      const count = await kw(sim, model, 'search_count', [[]], { context: { active_test: false } });
      expect(count, model).toBe(sim.count(model, { activeTest: false }));
      const fields = (await kw(sim, model, 'fields_get', [], { attributes: ['type', 'store', 'relation'] })) as Record<string, { type: string; store: boolean }>;
      expect(fields.id, model).toEqual({ type: 'integer', store: true });
      expect(fields.write_date, model).toEqual({ type: 'datetime', store: true });
      const rows = (await kw(sim, model, 'search_read', [[]], { order: 'id', limit: 20, context: { active_test: false } })) as Array<Record<string, unknown>>;
      expect(rows.length, model).toBe(Math.min(20, count as number));
      for (const row of rows) expect(Object.keys(row).sort(), model).toEqual(Object.keys(fields).sort());
      // no order: the model's _order, which may sort on inherited fields (product.product's priority)
      const page = (await kw(sim, model, 'search', [[]], { limit: 5, context: { active_test: false } })) as number[];
      expect(page.length, model).toBe(Math.min(5, count as number));
    }
  });

  it('has a mobile on res.partner before Odoo 19 only, and sanitizes the first number the version has', async () => {
    const fields = (await kw(sim, 'res.partner', 'fields_get', [], { attributes: ['type'] })) as Record<string, unknown>;
    expect('mobile' in fields).toBe(version < 19);
    expect(fields.phone_sanitized).toEqual({ type: 'char' });
    const numbers = version < 19 ? ['phone', 'mobile'] : ['phone'];
    const partners = (await kw(sim, 'res.partner', 'search_read', [[]], { fields: [...numbers, 'phone_sanitized'], context: { active_test: false } })) as Array<Record<string, unknown>>;
    // phone_validation's E.164 form of the first number that has one: mobile, then phone
    const e164 = (n: unknown) => (typeof n === 'string' ? `+${n.replace(/\D/g, '')}` : false);
    expect(partners.filter((p) => p.phone_sanitized !== e164(p.mobile || p.phone)).map((p) => p.id)).toEqual([]);
    expect(partners.filter((p) => typeof p.phone_sanitized === 'string').length).toBeGreaterThan(50);
    if (version < 19) {
      expect(partners.filter((p) => typeof p.mobile === 'string').length).toBeGreaterThan(50);
    } else {
      const users = (await kw(sim, 'res.users', 'fields_get', [], { attributes: ['type'] })) as Record<string, unknown>;
      expect(Object.keys(users).filter((f) => f.includes('mobile'))).toEqual([]);
      const read = await kw(sim, 'res.partner', 'search_read', [[]], { fields: ['mobile'], limit: 1 }).then(() => 'read', (e: { faultString: string }) => e.faultString);
      expect(read).toContain("Invalid field 'mobile' on model 'res.partner'");
    }
  });

  it('holds a realistic volume of POS data', () => {
    expect(sim.count('pos.order', { activeTest: false })).toBeGreaterThan(500);
    expect(sim.count('pos.order.line', { activeTest: false })).toBeGreaterThan(sim.count('pos.order', { activeTest: false }));
  });
});
