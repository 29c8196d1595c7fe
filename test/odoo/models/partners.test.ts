import { describe, expect, it } from 'vitest';
import { customers, partners, suppliers } from '../../../src/odoo/models/partners.ts';
import { collect, simulatedOdoo, VERSIONS } from '../../support/simulated-odoo.ts';

const ARCHIVED_TOO = { context: { active_test: false } } as const;

describe.each(VERSIONS)('partners on Odoo %i', (version) => {
  const t = simulatedOdoo(version);

  it('contacts, customers and suppliers: as many as search_count counts, archived ones hidden', async () => {
    const cases = [
      [partners, []],
      [customers, [['customer_rank', '>', 0]]],
      [suppliers, [['supplier_rank', '>', 0]]],
    ] as const;
    for (const [helper, domain] of cases) {
      const found = await collect(helper(t.odoo));
      expect(found.length, helper.name).toBe(await t.odoo.searchCount('res.partner', domain));
      expect(found.length, helper.name).toBeGreaterThan(0);
      expect(found.every((p) => p.active)).toBe(true);
    }
  });

  it('includeArchived shows the archived ones too', async () => {
    const all = await collect(customers(t.odoo, { includeArchived: true, fields: ['active', 'customer_rank'] }));
    expect(all.length).toBe(await t.odoo.searchCount('res.partner', [['customer_rank', '>', 0]], ARCHIVED_TOO));
    expect(all.some((p) => !p.active)).toBe(true);
    expect(all.every((p) => p.customer_rank! > 0)).toBe(true);
  });

  it('reads the mobile where Odoo has one (up to 18); Odoo 19 has none, phone alone', async () => {
    const all = await collect(partners(t.odoo, { includeArchived: true }));
    expect(all.filter((p) => 'mobile' in p).length).toBe(version < 19 ? all.length : 0);
    expect(all.some((p) => typeof p.mobile === 'string')).toBe(version < 19);
    expect(all.some((p) => typeof p.phone === 'string')).toBe(true);
  });

  it("the display name is Odoo's ('Company, Person' for a company's contact)", async () => {
    const contacts = await collect(partners(t.odoo, { fields: ['name', 'display_name', 'parent_id'] }));
    const person = contacts.find((p) => p.parent_id !== false)!;
    expect(person.display_name).toBe(`${(person.parent_id as [number, string])[1]}, ${person.name}`);
  });
});
