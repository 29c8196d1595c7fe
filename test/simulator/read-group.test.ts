import { beforeEach, describe, expect, it } from 'vitest';
import { ComputeFailures } from '../../src/simulator/compute-failures.ts';
import type { SimFault } from '../../src/simulator/faults.ts';
import { callMethod } from '../../src/simulator/methods.ts';
import type { ModelDef } from '../../src/simulator/model-def.ts';
import { Store } from '../../src/simulator/store.ts';
import { fault } from './catch-fault.ts';
import { users } from './fixtures.ts';

// Shapes, texts and orders below are those of the lab's Odoo 17 and 19 servers (read_group over /jsonrpc).

const shop: ModelDef = {
  name: 'pos.config',
  description: 'Point of Sale Configuration',
  order: 'name desc',
  fields: { name: { type: 'char', string: 'Name' } },
};

const order: ModelDef = {
  name: 'pos.order',
  description: 'Point of Sale Orders',
  order: 'id',
  fields: {
    name: { type: 'char', string: 'Order Ref' },
    config_id: { type: 'many2one', string: 'Point of Sale', relation: 'pos.config' },
    state: { type: 'selection', string: 'Status', selection: [['draft', 'New'], ['paid', 'Paid'], ['done', 'Posted']] },
    to_invoice: { type: 'boolean', string: 'To invoice' },
    amount_total: { type: 'float', string: 'Total' },
    nb_print: { type: 'integer', string: 'Number of Print' },
    sequence: { type: 'integer', string: 'Sequence' },
    date_order: { type: 'datetime', string: 'Date' },
    shipping_date: { type: 'date', string: 'Shipping Date' },
    tags: { type: 'many2many', string: 'Tags', relation: 'pos.config' },
    is_invoiced: { type: 'boolean', string: 'Is Invoiced', store: false, compute: (r) => r.state === 'done' },
  },
};

let store: Store;
let denied: Set<string>;

function readGroup(args: unknown[], kwargs: Record<string, unknown> = {}, version = 17): Array<Record<string, unknown>> {
  const env = { store, version, denied, computeFailures: new ComputeFailures(), stamp: { date: '2026-11-23 12:00:00', uid: 2 } };
  return callMethod(env, 'pos.order', 'read_group', args, kwargs) as Array<Record<string, unknown>>;
}

const lastLine = (f: SimFault) => f.faultString.trimEnd().split('\n').at(-1);
const error = (args: unknown[], kwargs: Record<string, unknown> = {}, version = 17) => lastLine(fault(() => readGroup(args, kwargs, version)));

beforeEach(() => {
  store = new Store([users, shop, order], () => ({ date: '2026-11-20 08:00:00', uid: 2 }));
  denied = new Set();
  store.insert('res.users', { name: 'Mitchell Admin', login: 'admin' });
  store.insert('pos.config', { name: 'Bakery' }); // 1
  store.insert('pos.config', { name: 'Clothes' }); // 2
  const orders: Array<Record<string, unknown>> = [
    { config_id: 1, state: 'paid', to_invoice: true, amount_total: 10.1, nb_print: 1, date_order: '2026-12-31 22:30:00', shipping_date: '2026-12-27' },
    { config_id: 1, state: 'paid', to_invoice: false, amount_total: 20.2, nb_print: 2, date_order: '2027-01-01 08:00:00.250000', shipping_date: '2027-01-02' },
    { config_id: 2, state: 'done', to_invoice: false, amount_total: 30.3, nb_print: 0, date_order: '2026-10-25 00:30:00' },
    { config_id: 2, state: 'paid', to_invoice: false, amount_total: 0.4, nb_print: 5, date_order: '2026-10-25 01:30:00' },
    { config_id: false, state: 'draft', to_invoice: false, amount_total: 5, nb_print: 0, date_order: false },
  ];
  orders.forEach((values, i) => store.insert('pos.order', { name: `Order ${i + 1}`, ...values }));
});

describe('read_group rows', () => {
  it('lazy: one grouping, the count as <field>_count, many2one as [id, name] in its model order, the group domain', () => {
    expect(readGroup([[], ['amount_total:sum'], ['config_id', 'state']])).toEqual([
      { config_id: [2, 'Clothes'], config_id_count: 2, amount_total: 30.7, __domain: [['config_id', '=', 2]], __context: { group_by: ['state'] } },
      { config_id: [1, 'Bakery'], config_id_count: 2, amount_total: 30.3, __domain: [['config_id', '=', 1]], __context: { group_by: ['state'] } },
      { config_id: false, config_id_count: 1, amount_total: 5, __domain: [['config_id', '=', false]], __context: { group_by: ['state'] } },
    ]);
  });

  it('not lazy: every grouping and __count; Odoo 17 nests the domain, 19 flattens it', () => {
    const args = [[['state', '!=', 'draft']], ['amount_total:sum'], ['state', 'to_invoice']];
    const rows17 = readGroup(args, { lazy: false });
    expect(rows17.map((r) => [r.state, r.to_invoice, r.__count])).toEqual([['done', false, 1], ['paid', false, 2], ['paid', true, 1]]);
    expect(rows17[0]!.__domain).toEqual(['&', '&', ['state', '!=', 'draft'], ['state', '=', 'done'], ['to_invoice', '=', false]]);
    expect(readGroup(args, { lazy: false }, 19)[0]!.__domain).toEqual(['&', '&', ['state', '!=', 'draft'], ['state', '=', 'done'], ['to_invoice', '=', false]]);
    const day = [[['state', '=', 'paid']], [], ['date_order:day']];
    expect(readGroup(day)[0]!.__domain).toEqual(['&', ['state', '=', 'paid'], '&', ['date_order', '>=', '2026-10-25 00:00:00'], ['date_order', '<', '2026-10-26 00:00:00']]);
    expect(readGroup(day, {}, 19)[0]!.__domain).toEqual(['&', '&', ['state', '=', 'paid'], ['date_order', '>=', '2026-10-25 00:00:00'], ['date_order', '<', '2026-10-26 00:00:00']]);
  });

  it('aggregates: exact NUMERIC sums and averages, min/max, counts, aliases; a bare field takes its group_operator or is left out', () => {
    const [row] = readGroup([[['config_id', '!=', false]], [
      'amount_total', 'total:sum(amount_total)', 'avg_total:avg(amount_total)', 'nb_print:max', 'date_order:min',
      'state:count_distinct', 'config_id:count', 'name', 'sequence',
    ], []]);
    expect(row).toEqual({
      __count: 4, amount_total: 61, total: 61, avg_total: 15.25, nb_print: 5, date_order: '2026-10-25 00:30:00',
      state: 2, config_id: 4, __domain: [['config_id', '!=', false]],
    });
    // 'amount_total:sum' then 'amount_total:avg' share the key 'amount_total': the last one wins
    expect(readGroup([[], ['amount_total:sum', 'amount_total:avg'], []])[0]!.amount_total).toBe(13.2);
  });

  it('without groupby: one row, also over no record (count 0, sums false); the domain as given (17) or as a Domain (19)', () => {
    expect(readGroup([[['id', '<', 0]], ['amount_total:sum'], []])).toEqual([{ __count: 0, amount_total: false, __domain: [['id', '<', 0]] }]);
    expect(readGroup([[], [], []])).toEqual([{ __count: 5, __domain: [] }]);
    expect(readGroup([[], [], []], {}, 19)).toEqual([{ __count: 5, __domain: [[1, '=', 1]] }]);
  });

  it('booleans group as COALESCE(f, false), selections by their value; limit and offset page the groups', () => {
    expect(readGroup([[], [], ['to_invoice']]).map((r) => [r.to_invoice, r.to_invoice_count])).toEqual([[false, 4], [true, 1]]);
    expect(readGroup([[], [], ['state']], { offset: 1, limit: 1 }).map((r) => r.state)).toEqual(['draft']);
  });

  it('orders by an aggregate, the count (lazy key), or a groupby term descending, NULL first', () => {
    expect(readGroup([[], ['amount_total:sum'], ['state']], { orderby: 'amount_total desc' }).map((r) => r.state)).toEqual(['paid', 'done', 'draft']);
    expect(readGroup([[], [], ['state']], { orderby: 'state_count desc, state' }).map((r) => r.state)).toEqual(['paid', 'done', 'draft']);
    expect(readGroup([[], [], ['config_id']], { orderby: 'config_id desc' }).map((r) => r.config_id)).toEqual([false, [1, 'Bakery'], [2, 'Clothes']]);
    expect(readGroup([[], [], ['date_order:month']], { orderby: 'date_order desc' }).map((r) => r['date_order:month'])).toEqual([
      false, 'January 2027', 'December 2026', 'October 2026',
    ]);
  });
});

describe('read_group date groups', () => {
  it('day groups in the context tz: label, UTC range, domain; the group without a date last, its range false', () => {
    const rows = readGroup([[], ['amount_total:sum'], ['date_order:day']], { context: { tz: 'Europe/Paris' } });
    expect(rows.map((r) => [r['date_order:day'], r.date_order_count, r.__range])).toEqual([
      ['25 Oct 2026', 2, { 'date_order:day': { from: '2026-10-24 22:00:00', to: '2026-10-25 23:00:00' } }],
      ['31 Dec 2026', 1, { 'date_order:day': { from: '2026-12-30 23:00:00', to: '2026-12-31 23:00:00' } }],
      ['01 Jan 2027', 1, { 'date_order:day': { from: '2026-12-31 23:00:00', to: '2027-01-01 23:00:00' } }],
      [false, 1, { 'date_order:day': false }],
    ]);
    expect(rows[1]!.__domain).toEqual(['&', ['date_order', '>=', '2026-12-30 23:00:00'], ['date_order', '<', '2026-12-31 23:00:00']]);
    expect(rows[3]!.__domain).toEqual([['date_order', '=', false]]);
    // without a tz (or an unknown one) the days are UTC days
    expect(readGroup([[], [], ['date_order:day']], { context: { tz: 'Mars/Olympus' } }).map((r) => r['date_order:day'])).toEqual([
      '25 Oct 2026', '31 Dec 2026', '01 Jan 2027', false,
    ]);
  });

  it('a date groups by month by default; week labels differ across the new year between 17 (babel) and 19', () => {
    expect(readGroup([[], [], ['shipping_date']]).map((r) => [r.shipping_date, r.__range])).toEqual([
      ['December 2026', { shipping_date: { from: '2026-12-01', to: '2027-01-01' } }],
      ['January 2027', { shipping_date: { from: '2027-01-01', to: '2027-02-01' } }],
      [false, { shipping_date: false }],
    ]);
    const weeks = (version: number) => readGroup([[['shipping_date', '!=', false]], [], ['shipping_date:week']], {}, version).map((r) => r['shipping_date:week']);
    expect(weeks(17)).toEqual(['W53 2026']);
    expect(weeks(19)).toEqual(['W1 2027']);
    const other = readGroup([[['date_order', '!=', false]], [], ['date_order:quarter', 'date_order:year', 'date_order:hour']], { lazy: false });
    expect(other.map((r) => [r['date_order:quarter'], r['date_order:year'], r['date_order:hour']])).toEqual([
      ['Q4 2026', '2026', '12:00 25 Oct'], ['Q4 2026', '2026', '01:00 25 Oct'], ['Q4 2026', '2026', '10:00 31 Dec'], ['Q1 2027', '2027', '08:00 01 Jan'],
    ]);
  });
});

describe('read_group errors', () => {
  it('an unknown field, in groupby, in an aggregate, or bare (Odoo 17 names the groupby field there)', () => {
    expect(error([[], [], ['nope']])).toBe("ValueError: Invalid field 'nope' on model 'pos.order'");
    expect(error([[], ['nope:sum'], ['state']])).toBe("ValueError: Invalid field 'nope' on model 'pos.order' for 'nope:sum'.");
    expect(error([[], ['nope'], ['state']])).toBe("ValueError: Invalid field 'state' on model 'pos.order'");
    expect(error([[], ['nope'], ['state']], {}, 19)).toBe("ValueError: Invalid field 'nope' on model 'pos.order'");
  });

  it('a non-stored field, a granularity on a plain field, a bad function or spec, a bad order term', () => {
    expect(error([[], [], ['is_invoiced']])).toBe('ValueError: Cannot convert field pos.order.is_invoiced to SQL');
    expect(error([[], [], ['is_invoiced']], {}, 19)).toBe('ValueError: Cannot convert pos.order.is_invoiced to SQL because it is not stored');
    expect(error([[], [], ['state:day']])).toBe("ValueError: Granularity set on a no-datetime field or property: 'state:day'");
    expect(error([[], [], ['date_order:minute']])).toBe("ValueError: Granularity specification isn't correct: 'minute'");
    expect(error([[], ['amount_total:median'], []])).toBe("ValueError: Invalid aggregate method 'median' for 'amount_total:median'.");
    expect(error([[], [], ['state']], { orderby: 'bogus desc' })).toBe("ValueError: Order term 'bogus desc' is not a valid aggregate nor valid groupby");
    expect(error([[], [], ['a-b']])).toMatch(/^- Valid groupby specification looks like/);
  });

  it('checks access after the specs, and says so when asked for what it does not model', () => {
    denied.add('pos.order');
    expect(fault(() => readGroup([[], [], ['state']])).faultCode).toBe(4);
    expect(error([[], [], ['nope']])).toBe("ValueError: Invalid field 'nope' on model 'pos.order'");
    denied.clear();
    expect(() => readGroup([[], [], ['tags']])).toThrow('the simulator does not model read_group over a many2many field (tags)');
  });
});
