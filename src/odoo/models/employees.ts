/**
 * Employees (`hr.employee`). Odoo 19 moved an employee's job, department and
 * contract to `hr.version`; the employee still reads them (through its
 * current version), so the record is the same on every version, but a filter
 * on the department goes through `current_version_id`, where it is stored.
 */
import type { OdooClient } from '../client.ts';
import { leaf } from '../domain.ts';
import type { Many2one, OdooDate, OdooDatetime } from './field-values.ts';
import { checkIds } from './query-checks.ts';
import { fieldList, readModel, storedPath, type ArchiveOption, type ReadOptions, type Selected } from './read-model.ts';

/** An employee (`hr.employee`). */
export interface Employee {
  id: number;
  name: string | false;
  department_id: Many2one;
  job_id: Many2one;
  job_title: string | false;
  work_location_id: Many2one;
  /** The manager. */
  parent_id: Many2one;
  coach_id: Many2one;
  /** Their Odoo login, when they have one. */
  user_id: Many2one;
  work_email: string | false;
  work_phone: string | false;
  mobile_phone: string | false;
  /** `employee`, `student`, `trainee`, `contractor`, `freelance`, ... */
  employee_type: string | false;
  departure_date?: OdooDate | false;
  company_id: Many2one;
  /** Odoo 19+: the hr.version in force. */
  current_version_id?: Many2one;
  active: boolean;
  write_date: OdooDatetime;
}

export interface EmployeeQuery<K extends keyof Employee = keyof Employee> extends ArchiveOption, ReadOptions<K> {
  /** Only employees of these departments or their sub-departments. */
  readonly departmentIds?: readonly number[];
}

const EMPLOYEE = {
  helper: 'employees',
  model: 'hr.employee',
  options: ['departmentIds'],
  archivable: true,
  fields: fieldList<Employee>()([
    'name', 'department_id', 'job_id', 'job_title', 'work_location_id', 'parent_id', 'coach_id', 'user_id', 'work_email', 'work_phone',
    'mobile_phone', 'employee_type', 'departure_date', 'company_id', 'current_version_id', 'active', 'write_date',
  ]),
};

/**
 * Employees, in id order; those who left (archived) only with `includeArchived`.
 *
 * @example
 * for await (const e of employees(odoo, { departmentIds: [3] })) console.log(e.name, e.job_id && e.job_id[1]);
 */
export function employees<K extends keyof Employee = keyof Employee>(
  odoo: OdooClient,
  query: EmployeeQuery<K> = {},
): AsyncGenerator<Selected<Employee, K>> {
  const departmentIds = checkIds(EMPLOYEE.helper, 'departmentIds', query.departmentIds);
  return readModel(odoo, EMPLOYEE, query, (fields) =>
    departmentIds === undefined ? [] : [leaf(storedPath(fields, 'department_id', 'current_version_id.department_id'), 'child_of', [...departmentIds])]);
}
