import { beforeEach, describe, expect, it } from 'vitest';
import { ComputeFailures } from '../../src/simulator/compute-failures.ts';
import { callMethod } from '../../src/simulator/methods.ts';
import type { ModelDef } from '../../src/simulator/model-def.ts';
import { char, inherited, m2o, related } from '../../src/simulator/models/fields.ts';
import { productModels } from '../../src/simulator/models/product.ts';
import { Store } from '../../src/simulator/store.ts';
import { fault } from './catch-fault.ts';
import { users } from './fixtures.ts';

const { template, variant } = productModels(17, false);

/** A related field through a many2one that may be unset, where Odoo 17 and 18+ search differently. */
const team: ModelDef = {
  name: 'crm.team',
  description: 'Sales Team',
  order: 'id',
  fields: {
    name: char('Sales Team'),
    user_id: m2o('res.users', 'Team Leader'),
    leader_login: related(char('Leader Login'), [['user_id', 'res.users']], 'login'),
  },
};

/** An `_inherits` child whose link may be unset (as hr.employee's current version in 19). */
const badge: ModelDef = {
  name: 'hr.badge',
  description: 'Badge',
  order: 'name',
  fields: {
    team_id: m2o('crm.team', 'Team'),
    ...inherited(team.fields, ['name'], 'team_id', 'crm.team'),
  },
};

let store: Store;

function call(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}, version = 17): unknown {
  const env = { store, version, denied: new Set<string>(), computeFailures: new ComputeFailures(), stamp: { date: '2026-11-23 12:00:00', uid: 2 } };
  return callMethod(env, model, method, args, kwargs);
}

function search(model: string, domain: unknown[], version = 17, order = 'id'): unknown {
  return call(model, 'search', [domain], { order }, version);
}

beforeEach(() => {
  store = new Store([users, template, variant, team, badge], () => ({ date: '2026-11-20 08:00:00', uid: 2 }));
  store.insert('res.users', { name: 'Mitchell Admin', login: 'admin' }); // 1
  store.insert('product.template', { name: 'Desk', priority: '0' }); // 1
  store.insert('product.template', { name: 'Chair', priority: '1' }); // 2
  store.insert('product.template', { name: 'Lamp', priority: '0', active: false }); // 3
  store.insert('product.product', { product_tmpl_id: 1, default_code: 'B-2' }); // 1
  store.insert('product.product', { product_tmpl_id: 2, default_code: 'Z-9' }); // 2
  store.insert('product.product', { product_tmpl_id: 1, default_code: 'A-1' }); // 3
  store.insert('product.product', { product_tmpl_id: 3, default_code: false }); // 4
  store.insert('product.product', { product_tmpl_id: 2, default_code: 'A-5' }); // 5
  store.insert('crm.team', { name: 'Europe', user_id: 1 }); // 1
  store.insert('crm.team', { name: 'Online' }); // 2
  store.insert('hr.badge', { team_id: 1 }); // 1
  store.insert('hr.badge', {}); // 2
});

describe('fields taken over through _inherits (product.product from product.template)', () => {
  it('search_read with no order follows _order "priority desc, default_code, name, id" through the template', () => {
    const rows = call('product.product', 'search_read', [[], ['name', 'default_code', 'priority']]);
    expect(rows).toEqual([
      { id: 5, name: 'Chair', default_code: 'A-5', priority: '1' },
      { id: 2, name: 'Chair', default_code: 'Z-9', priority: '1' },
      { id: 3, name: 'Desk', default_code: 'A-1', priority: '0' },
      { id: 1, name: 'Desk', default_code: 'B-2', priority: '0' },
      { id: 4, name: 'Lamp', default_code: false, priority: '0' }, // NULL codes last, as PostgreSQL sorts ascending
    ]);
  });

  it('sorts on an inherited field given in order, in both directions', () => {
    expect(search('product.product', [], 17, 'name desc, id')).toEqual([4, 1, 3, 2, 5]);
    expect(search('product.product', [], 19, 'name, default_code desc')).toEqual([2, 5, 1, 3, 4]);
  });

  it('filters on the parent row, whether the parent is archived or not (Odoo LEFT JOINs it)', () => {
    expect(search('product.product', [['name', 'ilike', 'desk']])).toEqual([1, 3]);
    expect(search('product.product', [['name', '=', 'Lamp']])).toEqual([4]);
    expect(search('product.product', [['name', 'not ilike', 'desk']])).toEqual([2, 4, 5]);
    expect(search('product.product', ['|', ['name', '=', 'Chair'], ['default_code', '=', 'A-1']])).toEqual([2, 3, 5]);
    expect(call('product.product', 'search_count', [[['priority', '=', '1']]])).toBe(2);
  });

  it('fields_get reports them not stored, yet searchable and sortable, with their path', () => {
    const fields = call('product.product', 'fields_get', [['name', 'priority', 'lst_price', 'standard_price']], {
      attributes: ['store', 'searchable', 'sortable', 'related', 'readonly', 'depends'],
    });
    expect(fields).toEqual({
      name: { store: false, searchable: true, sortable: true, related: 'product_tmpl_id.name', readonly: false, depends: ['product_tmpl_id.name'] },
      priority: { store: false, searchable: true, sortable: true, related: 'product_tmpl_id.priority', readonly: false, depends: ['product_tmpl_id.priority'] },
      // computed without a search method in Odoo 17
      lst_price: { store: false, searchable: false, sortable: false, readonly: false, depends: [] },
      standard_price: { store: false, searchable: false, sortable: false, readonly: true, depends: [] },
    });
  });

  it('counts a leaf on a non-stored field without a search method as TRUE, as Odoo 17 does', () => {
    expect(search('product.product', [['lst_price', '>', 1e9]])).toEqual([1, 2, 3, 4, 5]);
  });

  it('evaluates a record without parent on NULLs up to Odoo 18 (LEFT JOIN), never matches it in 19 (any)', () => {
    expect(search('hr.badge', [['name', '=', false]])).toEqual([2]);
    expect(search('hr.badge', [['name', '!=', 'Europe']])).toEqual([2]);
    expect(search('hr.badge', [['name', '=', false]], 19)).toEqual([]);
    expect(search('hr.badge', [['name', '=', 'Europe']], 19)).toEqual([1]);
  });
});

describe('related fields (crm.team leader_login = user_id.login)', () => {
  it('Odoo 17 searches the path with nested any: an unset link never matches', () => {
    expect(search('crm.team', [['leader_login', '=', 'admin']])).toEqual([1]);
    expect(search('crm.team', [['leader_login', '=', false]])).toEqual([]);
    expect(search('crm.team', [['leader_login', '!=', 'admin']])).toEqual([]);
  });

  it('Odoo 18+ also matches an unset optional many2one when the condition holds for NULL', () => {
    expect(search('crm.team', [['leader_login', '=', 'admin']], 19)).toEqual([1]);
    expect(search('crm.team', [['leader_login', '=', false]], 19)).toEqual([2]);
    expect(search('crm.team', [['leader_login', '!=', 'admin']], 19)).toEqual([2]);
    expect(search('crm.team', [['leader_login', 'in', ['admin', false]]], 19)).toEqual([1, 2]);
  });

  it('cannot be sorted on in Odoo 17; from 18 sorts through the join, NULLs last ascending', () => {
    expect(fault(() => search('crm.team', [], 17, 'leader_login')).faultString).toContain(
      'ValueError: Cannot convert crm.team.leader_login to SQL because it is not stored',
    );
    expect(search('crm.team', [], 19, 'leader_login')).toEqual([1, 2]);
    expect(search('crm.team', [], 19, 'leader_login desc')).toEqual([2, 1]);
    const sortable = (version: number) => call('crm.team', 'fields_get', [['leader_login']], { attributes: ['sortable', 'searchable'] }, version);
    expect(sortable(17)).toEqual({ leader_login: { sortable: false, searchable: true } });
    expect(sortable(19)).toEqual({ leader_login: { sortable: true, searchable: true } });
  });
});
