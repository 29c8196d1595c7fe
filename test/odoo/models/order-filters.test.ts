/** The filters orders and their lines share, through the sale and purchase helpers (pos.test.ts has the POS ones). */
import { describe, expect, it } from 'vitest';
import { purchaseOrderLines, purchaseOrders } from '../../../src/odoo/models/purchases.ts';
import { saleOrderLines, saleOrders } from '../../../src/odoo/models/sales.ts';
import { collect, ids, simulatedOdoo, VERSIONS } from '../../support/simulated-odoo.ts';

/** October 2026 in Paris, summer time ending on the 25th. */
const OCTOBER = { from: '2026-10-01', to: '2026-10-31', timeZone: 'Europe/Paris' } as const;
const OCTOBER_UTC = [['date_order', '>=', '2026-09-30 22:00:00'], ['date_order', '<', '2026-10-31 23:00:00']] as const;

type Order = { id: number; order_line: number[] };
type Line = { id: number; order_id: unknown };
type Helper<T> = (odoo: never, query: Record<string, unknown>) => AsyncGenerator<T>;

const KINDS = [
  { model: 'sale.order', confirmed: 'sale', orders: saleOrders as Helper<Order>, lines: saleOrderLines as Helper<Line> },
  { model: 'purchase.order', confirmed: 'purchase', orders: purchaseOrders as Helper<Order>, lines: purchaseOrderLines as Helper<Line> },
];

describe.each(VERSIONS.flatMap((version) => KINDS.map((kind) => ({ version, ...kind }))))('$model on Odoo $version', (kind) => {
  const t = simulatedOdoo(kind.version);
  const odoo = () => t.odoo as never;

  it("orders of a month's local days and of some states", async () => {
    expect((await collect(kind.orders(odoo(), {}))).length).toBe(await t.odoo.searchCount(kind.model, []));
    const october = await collect(kind.orders(odoo(), { ...OCTOBER, states: [kind.confirmed] }));
    expect(ids(october)).toEqual(await t.odoo.search(kind.model, [...OCTOBER_UTC, ['state', 'in', [kind.confirmed]]], { order: 'id' }));
    expect(october.length).toBeGreaterThan(0);
  });

  it("lines: the orders' for the same options, or those of the orders named", async () => {
    const orders = await collect(kind.orders(odoo(), { ...OCTOBER, fields: ['order_line'] }));
    const lines = await collect(kind.lines(odoo(), OCTOBER));
    expect(ids(lines)).toEqual(orders.flatMap((o) => o.order_line).toSorted((a, b) => a - b));
    const named = await collect(kind.lines(odoo(), { orderIds: [orders[0]!.id] }));
    expect(ids(named)).toEqual(orders[0]!.order_line.toSorted((a, b) => a - b));
    expect(named.every((line) => Array.isArray(line.order_id) && line.order_id[0] === orders[0]!.id)).toBe(true);
  });
});
