import { beforeEach, describe, expect, it } from 'vitest';
import type { SimFault } from '../../src/simulator/faults.ts';
import { callMethod, type MethodEnv } from '../../src/simulator/methods.ts';
import { Store } from '../../src/simulator/store.ts';
import { fault } from './catch-fault.ts';
import { ComputeFailures } from '../../src/simulator/compute-failures.ts';
import { MODELS } from './fixtures.ts';

let store: Store;
let denied: Set<string>;
let computeFailures: ComputeFailures;

function env(version = 17): MethodEnv {
  return { store, version, denied, computeFailures, stamp: { date: '2026-11-23 12:00:00.500000', uid: 2 } };
}

function call(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}, version = 17): unknown {
  return callMethod(env(version), model, method, args, kwargs);
}

const lastLine = (f: SimFault) => f.faultString.trimEnd().split('\n').at(-1);

beforeEach(() => {
  store = new Store(MODELS, () => ({ date: '2026-11-20 08:00:00.250000', uid: 2 }));
  denied = new Set();
  computeFailures = new ComputeFailures();
  store.insert('res.users', { name: 'Mitchell Admin', login: 'admin' }); // 1
  store.insert('res.users', { name: 'Marc Demo', login: 'demo' }); // 2
  store.insert('res.partner.category', { name: 'VIP' }); // 1
  store.insert('res.partner.category', { name: 'Archived tag', active: false }); // 2
  store.insert('res.partner', { name: 'Azure Interior', is_company: true, category_id: [1, 2] }); // 1
  store.insert('res.partner', { name: 'Brandon Freeman', parent_id: 1, date: '2026-01-15' }); // 2
  store.insert('res.partner', { name: 'Old Contact', parent_id: 1, active: false }); // 3
  store.insert('pos.order', { name: 'Shop/0001', amount_total: 12.5, partner_id: 2, date_order: '2026-11-20 09:30:00.250000' }); // 1
  store.insert('pos.order.line', { name: 'L1', order_id: 1, qty: 2 });
});

describe('read and search_read value shapes', () => {
  it('serialises empty values as false but numbers as 0, many2one as [id, name], datetimes to the second', () => {
    const [row] = call('pos.order', 'read', [[1]], { fields: ['name', 'partner_id', 'date_order', 'amount_total', 'note', 'lines', 'state', 'write_date', 'create_uid'] }) as Record<string, unknown>[];
    expect(row).toEqual({
      id: 1,
      name: 'Shop/0001',
      partner_id: [2, 'Azure Interior, Brandon Freeman'],
      date_order: '2026-11-20 09:30:00',
      amount_total: 12.5,
      note: false,
      lines: [1],
      state: 'draft',
      write_date: '2026-11-20 08:00:00',
      create_uid: [2, 'Marc Demo'],
    });
    const [partner] = call('res.partner', 'read', [[1]], { fields: ['parent_id', 'color', 'credit_limit', 'date', 'email', 'is_company'] }) as Record<string, unknown>[];
    expect(partner).toEqual({ id: 1, parent_id: false, color: 0, credit_limit: 0, date: false, email: false, is_company: true });
  });

  it('returns every field, stored or not, when no fields are given', () => {
    const [row] = call('res.partner', 'read', [[2]]) as Record<string, unknown>[];
    expect(Object.keys(row!).sort()).toEqual([
      'active', 'category_id', 'child_ids', 'color', 'commercial_company_name', 'create_date', 'create_uid', 'credit_limit',
      'date', 'display_name', 'email', 'id', 'is_company', 'name', 'parent_id', 'ref', 'type', 'user_id', 'write_date', 'write_uid',
    ]);
    expect(row!.display_name).toBe('Azure Interior, Brandon Freeman');
    expect(row!.commercial_company_name).toBe('Azure Interior');
  });

  it('returns many2one ids alone with load=None', () => {
    const [row] = call('pos.order', 'read', [[1], ['partner_id']], { load: null }) as Record<string, unknown>[];
    expect(row).toEqual({ id: 1, partner_id: 2 });
  });

  it('drops ids that do not exist from read (Odoo 17 _read_format), except when only id is asked', () => {
    expect(call('res.partner', 'read', [[2, 999, 1], ['name']])).toEqual([
      { id: 2, name: 'Brandon Freeman' },
      { id: 1, name: 'Azure Interior' },
    ]);
    expect(call('res.partner', 'read', [[999], ['id']])).toEqual([{ id: 999 }]);
  });

  it('filters archived records out of x2many values unless active_test is false (read), always in search_read', () => {
    const fields = ['child_ids', 'category_id'];
    expect(call('res.partner', 'read', [[1], fields])).toEqual([{ id: 1, child_ids: [2], category_id: [1] }]);
    expect(call('res.partner', 'read', [[1], fields], { context: { active_test: false } })).toEqual([{ id: 1, child_ids: [2, 3], category_id: [1, 2] }]);
    expect(call('res.partner', 'search_read', [[['id', '=', 1]], fields], { context: { active_test: false } })).toEqual([
      { id: 1, child_ids: [2], category_id: [1] },
    ]);
  });

  it('search_read honours domain, fields, offset, limit, order and active_test', () => {
    const rows = call('res.partner', 'search_read', [], {
      domain: [['parent_id', '=', 1]], fields: ['name', 'active'], order: 'id desc', limit: 1, offset: 0, context: { active_test: false },
    });
    expect(rows).toEqual([{ id: 3, name: 'Old Contact', active: false }]);
    expect(call('res.partner', 'search_read', [[['parent_id', '=', 1]], ['name']])).toEqual([{ id: 2, name: 'Brandon Freeman' }]);
    expect(call('res.partner', 'search_read', [[], ['name'], 1, 1, 'id'])).toEqual([{ id: 2, name: 'Brandon Freeman' }]);
  });
});

describe('search and search_count', () => {
  it('returns ids in order with offset and limit (limit 0 means no limit, as in Odoo)', () => {
    expect(call('res.partner', 'search', [[]], { order: 'id desc' })).toEqual([2, 1]);
    expect(call('res.partner', 'search', [[], 1, 1, 'id'])).toEqual([2]);
    expect(call('res.partner', 'search', [[]], { limit: 0, order: 'id', context: { active_test: false } })).toEqual([1, 2, 3]);
  });

  it('counts with active_test and an optional limit', () => {
    expect(call('res.partner', 'search_count', [[]])).toBe(2);
    expect(call('res.partner', 'search_count', [[]], { context: { active_test: false } })).toBe(3);
    expect(call('res.partner', 'search_count', [[]], { limit: 1, context: { active_test: false } })).toBe(1);
  });
});

describe('fields_get', () => {
  it('describes stored and non-stored fields, magic ones included', () => {
    const all = call('res.partner', 'fields_get') as Record<string, Record<string, unknown>>;
    expect(Object.keys(all)).toContain('write_date');
    expect(all.display_name).toMatchObject({ type: 'char', store: false, searchable: true, sortable: false, readonly: true });
    expect(all.parent_id).toEqual({
      change_default: false, company_dependent: false, context: {}, default_export_compatible: false, depends: [], domain: [],
      exportable: true, manual: false, name: 'parent_id', readonly: false, relation: 'res.partner', required: false,
      searchable: true, sortable: true, store: true, string: 'Related Company', type: 'many2one',
    });
    expect(all.child_ids).toMatchObject({ type: 'one2many', relation: 'res.partner', relation_field: 'parent_id', sortable: false });
    expect(all.type).toMatchObject({ selection: [['contact', 'Contact'], ['invoice', 'Invoice Address'], ['delivery', 'Delivery Address']] });
    expect(all.color).toMatchObject({ group_operator: 'sum' });
    expect(all.commercial_company_name).toMatchObject({ store: false, searchable: false });
  });

  it('filters by allfields and attributes', () => {
    expect(call('res.partner', 'fields_get', [['name', 'write_date', 'nope']], { attributes: ['type', 'store'] })).toEqual({
      name: { type: 'char', store: true },
      write_date: { type: 'datetime', store: true },
    });
  });

  it('calls the numeric aggregate "aggregator" from Odoo 18 on', () => {
    expect(call('res.partner', 'fields_get', [['color']], { attributes: ['aggregator', 'group_operator'] }, 19)).toEqual({ color: { aggregator: 'sum' } });
  });
});

describe('create, write, unlink', () => {
  it('creates one record from a dict (returns the id) or several from a list', () => {
    expect(call('res.partner', 'create', [{ name: 'New' }])).toBe(4);
    expect(call('res.partner', 'create', [[{ name: 'A' }, { name: 'B' }]])).toEqual([5, 6]);
    expect(store.get('res.partner', 4)).toMatchObject({ name: 'New', create_date: '2026-11-23 12:00:00.500000', write_date: '2026-11-23 12:00:00.500000', create_uid: 2 });
  });

  it('creates one2many lines with commands and many2many links from ids', () => {
    const id = call('pos.order', 'create', [{ name: 'Shop/0002', amount_total: 3, lines: [[0, 0, { name: 'a', qty: 1 }], [0, 0, { name: 'b', qty: 2 }]] }]) as number;
    expect(call('pos.order', 'read', [[id], ['lines']])).toEqual([{ id, lines: [2, 3] }]);
    call('res.partner', 'write', [[2], { category_id: [[4, 2], [4, 1]] }]);
    expect(store.get('res.partner', 2)!.category_id).toEqual([2, 1]);
    call('res.partner', 'write', [[2], { category_id: [[6, 0, [1]]] }]);
    expect(store.get('res.partner', 2)!.category_id).toEqual([1]);
  });

  it('write stamps write_date and write_uid and ignores magic values', () => {
    expect(call('res.partner', 'write', [[1, 2], { email: 'x@y.z', write_date: '2000-01-01 00:00:00' }])).toBe(true);
    expect(store.get('res.partner', 2)).toMatchObject({ email: 'x@y.z', write_date: '2026-11-23 12:00:00.500000', write_uid: 2, create_date: '2026-11-20 08:00:00.250000' });
  });

  it('write on a deleted record raises MissingError (fault 2)', () => {
    const f = fault(() => call('res.partner', 'write', [[999], { name: 'x' }]));
    expect(f.faultCode).toBe(2);
    expect(f.faultString).toBe('One of the records you are trying to modify has already been deleted (Document type: Contact).\n\n(Records: (999,), User: 2)');
  });

  it('a missing required field is a ValidationError (fault 2)', () => {
    const f = fault(() => call('pos.order', 'create', [{ amount_total: 1 }]));
    expect(f.faultCode).toBe(2);
    expect(f.faultString).toContain('Model: Point of Sale Orders (pos.order)\nField: Order Ref (name)\n');
  });

  it('a wrong selection value raises ValueError', () => {
    expect(lastLine(fault(() => call('pos.order', 'write', [[1], { state: 'bogus' }])))).toBe("ValueError: Wrong value for pos.order.state: 'bogus'");
  });

  it('unlink returns True, also for ids already gone, and cascades to lines', () => {
    expect(call('pos.order', 'unlink', [[1, 999]])).toBe(true);
    expect(store.size('pos.order.line')).toBe(0);
  });
});

describe('errors', () => {
  it('a compute that raises for one record fails any read of that field over it, and only those', () => {
    computeFailures.add({ model: 'res.partner', id: 2, field: 'display_name' });
    const f = fault(() => call('res.partner', 'search_read', [[]], { fields: ['name', 'display_name'], order: 'id' }));
    expect(f.faultCode).toBe(1);
    expect(lastLine(f)).toBe('ZeroDivisionError: float division by zero');
    expect(lastLine(fault(() => call('res.partner', 'read', [[1, 2], ['display_name']])))).toBe('ZeroDivisionError: float division by zero');
    expect(call('res.partner', 'search_read', [[]], { fields: ['name'], order: 'id' })).toHaveLength((call('res.partner', 'search', [[]]) as number[]).length);
    expect(call('res.partner', 'read', [[1], ['display_name']])).toHaveLength(1);
  });

  it('an unknown field in fields raises ValueError: Invalid field', () => {
    expect(lastLine(fault(() => call('res.partner', 'search_read', [[]], { fields: ['name', 'nope'] })))).toBe(
      "ValueError: Invalid field 'nope' on model 'res.partner'",
    );
    expect(lastLine(fault(() => call('res.partner', 'read', [[1], ['nope']])))).toBe("ValueError: Invalid field 'nope' on model 'res.partner'");
  });

  it("an unknown model is UserError (fault 2) Object x doesn't exist", () => {
    const f = fault(() => call('no.such.model', 'search', [[]]));
    expect([f.faultCode, f.faultString]).toEqual([2, "Object no.such.model doesn't exist"]);
  });

  it('private and unknown methods fail as in Odoo 17', () => {
    const priv = fault(() => call('res.partner', '_search', [[]]));
    expect([priv.faultCode, priv.faultString]).toEqual([4, 'Private methods (such as _search) cannot be called remotely.']);
    expect(lastLine(fault(() => call('res.partner', 'name_get', [[1]])))).toBe(
      "AttributeError: The method 'name_get' does not exist on the model 'res.partner'",
    );
  });

  it('bad arguments raise Python TypeErrors', () => {
    expect(lastLine(fault(() => call('res.partner', 'search', [], { domian: [] })))).toBe(
      "TypeError: BaseModel.search() got an unexpected keyword argument 'domian'",
    );
    expect(lastLine(fault(() => call('res.partner', 'search', [[]], { domain: [] })))).toBe(
      "TypeError: BaseModel.search() got multiple values for argument 'domain'",
    );
    expect(lastLine(fault(() => call('res.partner', 'search', [])))).toBe(
      "TypeError: BaseModel.search() missing 1 required positional argument: 'domain'",
    );
    expect(lastLine(fault(() => call('res.partner', 'search', [[], 0, 1, 'id', 5])))).toBe(
      'TypeError: BaseModel.search() takes from 2 to 5 positional arguments but 6 were given',
    );
  });

  it('a denied model raises AccessError (fault 4) with Odoo 17 wording; fields_get still answers', () => {
    denied.add('pos.order');
    const f = fault(() => call('pos.order', 'search_read', [[]], { fields: ['name'] }));
    expect(f.faultCode).toBe(4);
    expect(f.faultString).toBe(
      "You are not allowed to access 'Point of Sale Orders' (pos.order) records.\n\n" +
        'This operation is allowed for the following groups:\n\t- Point of Sale/User\n\n' +
        'Contact your administrator to request access if necessary.',
    );
    expect(fault(() => call('pos.order', 'write', [[1], { note: 'x' }])).faultString).toMatch(/^You are not allowed to modify 'Point of Sale Orders'/);
    expect(call('pos.order', 'fields_get', [['name']], { attributes: ['type'] })).toEqual({ name: { type: 'char' } });
    expect(call('pos.order', 'check_access_rights', ['read'], { raise_exception: false })).toBe(false);
  });
});
