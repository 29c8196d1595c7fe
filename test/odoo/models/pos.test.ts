import { beforeAll, describe, expect, it } from 'vitest';
import { posOrderLines, posOrders } from '../../../src/odoo/models/pos.ts';
import { collect, ids, simulatedOdoo, VERSIONS } from '../../support/simulated-odoo.ts';

/** 24 and 25 October 2026 in Paris: summer time until 03:00 on the 25th, which has 25 hours. */
const PARIS_DAYS = { from: '2026-10-24', to: '2026-10-25', timeZone: 'Europe/Paris' } as const;
const PARIS_RANGE = [['date_order', '>=', '2026-10-23 22:00:00'], ['date_order', '<', '2026-10-25 23:00:00']] as const;

describe.each(VERSIONS)('POS helpers on Odoo %i', (version) => {
  const t = simulatedOdoo(version);
  /** Orders a second either side of each bound: only the two inside are the days'. */
  const edges: Record<string, number> = {};

  beforeAll(() => {
    const [template] = t.sim.store.search('pos.order', [['state', '=', 'done']]).map((id) => t.sim.store.get('pos.order', id)!);
    const { id: _id, create_date: _c, write_date: _w, create_uid: _cu, write_uid: _wu, ...values } = template!;
    for (const at of ['2026-10-23 21:59:59', '2026-10-23 22:00:00', '2026-10-25 22:59:59', '2026-10-25 23:00:00']) {
      edges[at] = t.sim.create('pos.order', { ...values, name: `Edge ${at}`, date_order: at });
    }
  });

  it('every order, in id order, as many as search_count counts', async () => {
    const orders = await collect(posOrders(t.odoo));
    expect(orders.length).toBe(await t.odoo.searchCount('pos.order', []));
    expect(ids(orders)).toEqual(ids(orders).toSorted((a, b) => a - b));
  });

  it('local days across the end of summer time: exactly the orders of 24 and 25 October in Paris', async () => {
    const orders = await collect(posOrders(t.odoo, PARIS_DAYS));
    expect(ids(orders)).toEqual(await t.odoo.search('pos.order', [...PARIS_RANGE], { order: 'id' }));
    expect(orders.length).toBeGreaterThan(4);
    expect(ids(orders)).toEqual(expect.arrayContaining([edges['2026-10-23 22:00:00'], edges['2026-10-25 22:59:59']]));
    expect(ids(orders)).not.toContain(edges['2026-10-23 21:59:59']);
    expect(ids(orders)).not.toContain(edges['2026-10-25 23:00:00']);
  });

  it("the days are in the Odoo user's zone by default (Europe/Paris here), and in UTC when asked", async () => {
    const { timeZone: _, ...days } = PARIS_DAYS;
    expect(ids(await collect(posOrders(t.odoo, days)))).toEqual(ids(await collect(posOrders(t.odoo, PARIS_DAYS))));
    const utc = await collect(posOrders(t.odoo, { ...days, timeZone: 'UTC' }));
    const utcRange = [['date_order', '>=', '2026-10-24 00:00:00'], ['date_order', '<', '2026-10-26 00:00:00']] as const;
    expect(ids(utc)).toEqual(await t.odoo.search('pos.order', [...utcRange], { order: 'id' }));
    expect(ids(utc)).toContain(edges['2026-10-25 23:00:00']);
  });

  it("asks the user's zone once per client, however many helper calls", async () => {
    const { timeZone: _, ...days } = PARIS_DAYS;
    const contextGets = () => t.sim.calls.filter((c) => c.model === 'res.users' && c.method === 'context_get').length;
    await collect(posOrders(t.odoo, days));
    const after = contextGets();
    await collect(posOrders(t.odoo, days));
    await collect(posOrderLines(t.odoo, days));
    expect(contextGets()).toBe(after);
  });

  it('by shop and state, through stored fields', async () => {
    const orders = await collect(posOrders(t.odoo, { configIds: [1], states: ['paid', 'done'] }));
    expect(orders.length).toBe(await t.odoo.searchCount('pos.order', [['config_id', 'in', [1]], ['state', 'in', ['paid', 'done']]]));
    expect(orders.length).toBeGreaterThan(0);
    expect(new Set(orders.map((o) => o.config_id && o.config_id[0]))).toEqual(new Set([1]));
    expect(await collect(posOrders(t.odoo, { configIds: [] }))).toEqual([]);
  });

  it('many2one as [id, name], x2many as ids, empty as false', async () => {
    const [order] = await collect(posOrders(t.odoo, { limit: 1 }));
    expect(order!.config_id).toEqual([expect.any(Number), expect.any(String)]);
    expect(order!.lines.every((id) => typeof id === 'number')).toBe(true);
    expect(order!.date_order).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const walkIn = await collect(posOrders(t.odoo, { fields: ['partner_id'], limit: 50 }));
    expect(walkIn.some((o) => o.partner_id === false)).toBe(true);
  });

  it('lines: of the orders posOrders gives for the same days, or of the orders named', async () => {
    const orders = await collect(posOrders(t.odoo, { ...PARIS_DAYS, fields: ['lines'] }));
    const lines = await collect(posOrderLines(t.odoo, PARIS_DAYS));
    expect(ids(lines)).toEqual(orders.flatMap((o) => o.lines).toSorted((a, b) => a - b));
    const lineRange = PARIS_RANGE.map(([field, op, value]) => [`order_id.${field}`, op, value] as const);
    expect(lines.length).toBe(await t.odoo.searchCount('pos.order.line', lineRange));
    const named = await collect(posOrderLines(t.odoo, { orderIds: ids(orders).slice(0, 3) }));
    expect(ids(named)).toEqual(orders.slice(0, 3).flatMap((o) => o.lines).toSorted((a, b) => a - b));
    expect(named.every((line) => line.product_id !== false && typeof line.price_subtotal_incl === 'number')).toBe(true);
  });

  it('fields and limit: the first records by id, with the id and the fields asked for only', async () => {
    const orders = await collect(posOrders(t.odoo, { fields: ['name', 'amount_total'], limit: 5 }));
    expect(ids(orders)).toEqual(await t.odoo.search('pos.order', [], { order: 'id', limit: 5 }));
    expect(orders.map((o) => Object.keys(o).sort())).toEqual(Array(5).fill(['amount_total', 'id', 'name']));
    const read = t.sim.calls.filter((c) => c.model === 'pos.order' && c.method === 'search_read').at(-1)!;
    expect(read.kwargs).toMatchObject({ order: 'id', limit: 5 });
  });
});
