import { describe, expect, it } from 'vitest';
import { employees } from '../../../src/odoo/models/employees.ts';
import { collect, ids, simulatedOdoo, VERSIONS } from '../../support/simulated-odoo.ts';

describe.each(VERSIONS)('employees on Odoo %i', (version) => {
  const t = simulatedOdoo(version);

  it('job and department read the same on every version (on 19 through the current hr.version)', async () => {
    const staff = await collect(employees(t.odoo));
    expect(staff.filter((e) => e.department_id !== false && e.job_id !== false).length).toBeGreaterThan(staff.length / 2);
    expect(staff.every((e) => ('current_version_id' in e) === (version >= 19))).toBe(true);
  });

  it('departmentIds: the employees of a department and of the departments below it', async () => {
    const departments = await t.odoo.searchRead<{ id: number; parent_id: [number, string] | false }>(
      'hr.department', [], { fields: ['parent_id'], context: { active_test: false } },
    );
    const parentOf = new Map(departments.map((d) => [d.id, d.parent_id && d.parent_id[0]]));
    const top = departments.find((d) => departments.some((child) => child.parent_id && child.parent_id[0] === d.id))!.id;
    const under = (id: number | false): boolean => id !== false && (id === top || under(parentOf.get(id) ?? false));

    const staff = await collect(employees(t.odoo, { includeArchived: true }));
    const expected = staff.filter((e) => under(e.department_id && e.department_id[0]));
    const found = await collect(employees(t.odoo, { departmentIds: [top], includeArchived: true }));
    expect(ids(found)).toEqual(ids(expected));
    expect(new Set(found.map((e) => e.department_id && e.department_id[0])).size).toBeGreaterThan(1);
    // filtered where the department is stored: on the employee up to 18, on its current version from 19
    const read = t.sim.calls.filter((c) => c.model === 'hr.employee' && c.method === 'search_read').at(-1)!;
    expect(JSON.stringify(read.args[0])).toMatch(version >= 19 ? /\["current_version_id\.department_id","child_of"/ : /\["department_id","child_of"/);
  });
});
