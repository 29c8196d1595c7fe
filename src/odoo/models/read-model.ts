/**
 * What every model helper does the same way: read the record type's fields
 * that this server has (a field it lacks would fail the whole read), in id
 * order through the client's keyset pages (`odoo.iterate`), archived records
 * hidden unless asked for, stopping at a limit.
 */
import type { FieldInfo, OdooClient } from '../client.ts';
import { leaf, type Domain } from '../domain.ts';
import { oncePerClient } from '../once-per-client.ts';
import { checkBoolean, checkCount, checkOptionNames, fail } from './query-checks.ts';

/** What every helper takes besides its own filters. */
export interface ReadOptions<K extends PropertyKey = string> {
  /**
   * The fields to read, of those the record type lists; default all of them.
   * The id always comes; a field this server lacks (another version, a module
   * not installed; optional in the types) is left out of the records.
   */
  readonly fields?: readonly K[];
  /** Stop after this many records (the first ones by id); default all. */
  readonly limit?: number;
  /** Records per request; default 1000, or `limit` when smaller. */
  readonly pageSize?: number;
}

/** For models with an `active` flag. */
export interface ArchiveOption {
  /** Archived records too; default false: hidden, as in Odoo's own lists. */
  readonly includeArchived?: boolean;
}

/** A record as a helper yields it: every field of `T`, or those asked for in `fields` and the id. */
export type Selected<T extends { id: number }, K extends keyof T> = Pick<T, K | 'id'>;

export type FieldMap = Readonly<Record<string, FieldInfo>>;

/** One helper's model: the fields its record type lists and the filter options it takes. */
export interface ModelSpec {
  readonly helper: string;
  readonly model: string;
  readonly fields: readonly string[];
  /** Its own option names; the read options (and includeArchived where `archivable`) come on top. */
  readonly options: readonly string[];
  readonly archivable?: boolean;
}

/** The helper's domain, made once the server's fields are known (to pick a stored path or skip a missing field). */
export type Filters = (fields: FieldMap) => Domain | Promise<Domain>;

const READ_OPTIONS = ['fields', 'limit', 'pageSize'];

/**
 * The records of `spec.model` matching `filters`, in id order. The common
 * options are checked now, before any request; `filters` runs at the first
 * `next()`.
 */
export function readModel<T>(odoo: OdooClient, spec: ModelSpec, query: ReadOptions & ArchiveOption, filters: Filters): AsyncGenerator<T> {
  const { helper } = spec;
  checkOptionNames(helper, query, [...spec.options, ...READ_OPTIONS, ...(spec.archivable ? ['includeArchived'] : [])]);
  const wanted = query.fields === undefined ? spec.fields : checkFields(spec, query.fields);
  const limit = checkCount(helper, 'limit', query.limit, 0);
  const pageSize = checkCount(helper, 'pageSize', query.pageSize, 1);
  const context = checkBoolean(helper, 'includeArchived', query.includeArchived) ? { active_test: false } : undefined;
  return (async function* read() {
    if (limit === 0) return;
    const fields = await modelFields(odoo, spec.model);
    const domain = await filters(fields);
    const read = ['id', ...wanted.filter((name) => name in fields && name !== 'id')];
    yield* odoo.iterate(spec.model, domain, { fields: read, context, pageSize, limit }) as AsyncGenerator<T>;
  })();
}

/** `field` when it is stored on this server, else `via`: a leaf on a field Odoo does not store is ignored, not refused. */
export function storedPath(fields: FieldMap, field: string, via: string): string {
  return fields[field] !== undefined && fields[field].store !== false ? field : via;
}

/** `[path in values]`, or nothing when the option was not given (an empty list matches nothing). */
export function whereIn(path: string, values: readonly unknown[] | undefined): Domain {
  return values === undefined ? [] : [leaf(path, 'in', [...values])];
}

/** `[path = value]`, or nothing when the option was not given. */
export function whereIs(path: string, value: unknown): Domain {
  return value === undefined ? [] : [leaf(path, '=', value)];
}

/**
 * The record type's field list, checked by the compiler both ways: each is a
 * field of `T`, and every field of `T` but the id is listed, so a field added
 * to a type is read too.
 */
export function fieldList<T>() {
  return <const L extends readonly (keyof T & string)[]>(list: L & ([Exclude<keyof T, 'id' | L[number]>] extends [never] ? unknown : { missing: Exclude<keyof T, 'id' | L[number]> })): readonly string[] => list;
}

function checkFields(spec: ModelSpec, fields: unknown): readonly string[] {
  if (!Array.isArray(fields) || !fields.every((name) => typeof name === 'string')) fail(spec.helper, 'fields must be a list of field names');
  const unknown = fields.filter((name) => name !== 'id' && !spec.fields.includes(name));
  if (unknown.length) fail(spec.helper, `fields ${unknown.join(', ')} are not among its fields; read those with odoo.iterate('${spec.model}', ...)`);
  return fields;
}

/** The model's fields on this server, asked once per client. */
export function modelFields(odoo: OdooClient, model: string): Promise<FieldMap> {
  return oncePerClient(odoo, `fields_get ${model}`, () => odoo.fieldsGet(model, ['type', 'store']));
}
