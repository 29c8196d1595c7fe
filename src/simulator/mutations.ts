import { invalidField, pyRepr, typeError, userError, valueError } from './faults.ts';
import type { FieldDef, RecordValues } from './model-def.ts';
import { isKeptOnRecord, isNumeric, LOG_ACCESS_FIELDS, type ModelInfo } from './model-info.ts';
import { isNull, toDate, toDatetime } from './domain-leaf.ts';
import type { Stamp } from './model-def.ts';
import type { Store } from './store.ts';

/** Where writes land and the stamp they carry (write_uid, and write_date = the transaction start). */
export interface WriteContext {
  readonly store: Store;
  readonly stamp: Stamp;
}

type AfterInsert = (parentId: number) => void;

/** `create(vals_list)`: RPC-shaped values in, new ids out. `presetIds` are ids allocated earlier (a staged transaction). */
export function createRecords(ctx: WriteContext, info: ModelInfo, valsList: readonly unknown[], presetIds?: readonly number[]): number[] {
  return valsList.map((vals, i) => {
    const { own, after } = convertVals(ctx, info, asVals(vals), undefined, true);
    checkRequired(info, own, true);
    const id = presetIds?.[i] ?? ctx.store.allocateId(info.name);
    ctx.store.insertWithId(info.name, id, own, ctx.stamp);
    for (const step of after) step(id);
    return id;
  });
}

/** `write(vals)` on existing records; a missing id raises Odoo 17's `_write` MissingError. */
export function writeRecords(ctx: WriteContext, info: ModelInfo, ids: readonly number[], vals: unknown): void {
  const values = asVals(vals);
  if (ids.some((id) => !ctx.store.get(info.name, id))) {
    throw userError(
      `One of the records you are trying to modify has already been deleted (Document type: ${info.def.description}).\n\n` +
        `(Records: ${tupleRepr(ids.slice(0, 6))}, User: ${ctx.stamp.uid})`,
    );
  }
  for (const id of ids) {
    const { own, after } = convertVals(ctx, info, values, ctx.store.get(info.name, id), false);
    checkRequired(info, own, false);
    ctx.store.update(info.name, id, own, ctx.stamp);
    for (const step of after) step(id);
  }
}

/** `unlink()`: ids already gone are ignored (the DELETE just affects fewer rows). */
export function unlinkRecords(ctx: WriteContext, info: ModelInfo, ids: readonly number[]): void {
  ctx.store.remove(info.name, ids);
}

function asVals(vals: unknown): Record<string, unknown> {
  if (vals === null || typeof vals !== 'object' || Array.isArray(vals)) {
    throw typeError(`'${Array.isArray(vals) ? 'list' : typeof vals}' object is not a mapping`);
  }
  return vals as Record<string, unknown>;
}

function tupleRepr(ids: readonly number[]): string {
  return ids.length === 1 ? `(${ids[0]},)` : `(${ids.join(', ')})`;
}

/** The values Odoo stores for RPC values, plus one2many commands to run once the record exists. */
function convertVals(
  ctx: WriteContext, info: ModelInfo, vals: Record<string, unknown>, current: RecordValues | undefined, creating: boolean,
): { own: RecordValues; after: AfterInsert[] } {
  const own: RecordValues = {};
  const after: AfterInsert[] = [];
  for (const [name, value] of Object.entries(vals)) {
    const field = info.fields[name];
    if (!field) throw invalidField(name, info.name);
    if (name === 'id' || (!creating && LOG_ACCESS_FIELDS.has(name))) continue; // Odoo drops them on write
    if (field.type === 'one2many') {
      after.push((parentId) => applyOne2many(ctx, field, parentId, value));
      continue;
    }
    // A computed field without inverse: nothing to store. A company_dependent one is kept (its ir.property).
    if (!isKeptOnRecord(field) && !field.companyDependent) continue;
    own[name] = field.type === 'many2many'
      ? applyMany2many(ctx, field, (current?.[name] as number[] | undefined) ?? [], value)
      : toInternal(info, name, field, value);
  }
  return { own, after };
}

/** `convert_to_cache`/`convert_to_column` for one RPC value. */
function toInternal(info: ModelInfo, name: string, field: FieldDef, value: unknown): unknown {
  if (isNumeric(field.type)) {
    const n = Number(value || 0);
    if (Number.isNaN(n)) throw valueError(`invalid literal for int() with base 10: ${pyRepr(value)}`);
    return field.type === 'integer' ? Math.trunc(n) : n;
  }
  switch (field.type) {
    case 'boolean':
      return Boolean(value);
    case 'many2one':
      if (Array.isArray(value)) return typeof value[0] === 'number' ? value[0] : false;
      return typeof value === 'number' && value > 0 ? value : false;
    case 'date':
      return isNull(value) || value === '' ? false : toDate(value);
    case 'datetime':
      return isNull(value) || value === '' ? false : toDatetime(value, '=');
    case 'selection':
      if (isNull(value)) return false;
      if (!(field.selection ?? []).some(([key]) => key === value)) {
        throw valueError(`Wrong value for ${info.name}.${name}: ${pyRepr(value)}`);
      }
      return value;
    case 'binary':
      if (Buffer.isBuffer(value)) return value.toString('base64');
      return isNull(value) ? false : String(value);
    case 'json':
    case 'properties':
    case 'many2one_reference':
      return value ?? false;
    default:
      return isNull(value) ? false : String(value);
  }
}

/** Odoo 17 `_as_validation_error` for a NOT NULL violation. */
function checkRequired(info: ModelInfo, own: RecordValues, creating: boolean): void {
  for (const name of info.storedNames) {
    const field = info.fields[name]!;
    if (!field.required || isNumeric(field.type) || field.type === 'boolean' || field.type === 'many2many') continue;
    const value = own[name];
    const unset = creating ? value === undefined && field.default === undefined : false;
    if (unset || (value !== undefined && isNull(value))) {
      throw userError(
        'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n' +
          '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
          `Model: ${info.def.description} (${info.name})\nField: ${field.string} (${name})\n`,
      );
    }
  }
}

type Command = [number, unknown?, unknown?];

/** x2many values: a list of ids means SET; otherwise Odoo's Command tuples (0 CREATE ... 6 SET). */
function commandsOf(value: unknown): Command[] {
  if (isNull(value)) return [[5]];
  if (!Array.isArray(value)) throw valueError(`Wrong value for x2many field: ${pyRepr(value)}`);
  if (value.every((v) => typeof v === 'number')) return [[6, 0, value]];
  return value.map((cmd) => {
    if (!Array.isArray(cmd) || typeof cmd[0] !== 'number' || cmd[0] < 0 || cmd[0] > 6) {
      throw valueError(`Invalid command ${pyRepr(cmd)}`);
    }
    return cmd as Command;
  });
}

function comodel(ctx: WriteContext, field: FieldDef): ModelInfo {
  const info = ctx.store.info(field.relation!);
  if (!info) throw valueError(`Invalid model ${field.relation}`);
  return info;
}

function applyMany2many(ctx: WriteContext, field: FieldDef, current: readonly number[], value: unknown): number[] {
  const co = comodel(ctx, field);
  let ids = [...current];
  for (const [code, id, vals] of commandsOf(value)) {
    if (code === 0) ids.push(createRecords(ctx, co, [vals])[0]!);
    else if (code === 1) writeRecords(ctx, co, [id as number], vals);
    else if (code === 2) {
      unlinkRecords(ctx, co, [id as number]);
      ids = ids.filter((x) => x !== id);
    } else if (code === 3) ids = ids.filter((x) => x !== id);
    else if (code === 4) {
      if (!ids.includes(id as number)) ids.push(id as number);
    } else if (code === 5) ids = [];
    else ids = [...new Set(vals as number[])];
  }
  return ids;
}

function applyOne2many(ctx: WriteContext, field: FieldDef, parentId: number, value: unknown): void {
  const co = comodel(ctx, field);
  const inverse = field.relationField!;
  const release = (ids: readonly number[]): void => {
    // an unlinked child loses its parent; a required parent means it is deleted (ondelete cascade)
    if (co.fields[inverse]?.required) unlinkRecords(ctx, co, ids);
    else for (const id of ids) writeRecords(ctx, co, [id], { [inverse]: false });
  };
  for (const [code, id, vals] of commandsOf(value)) {
    if (code === 0) createRecords(ctx, co, [{ ...(vals as object), [inverse]: parentId }]);
    else if (code === 1) writeRecords(ctx, co, [id as number], vals);
    else if (code === 2) unlinkRecords(ctx, co, [id as number]);
    else if (code === 3) release([id as number]);
    else if (code === 4) writeRecords(ctx, co, [id as number], { [inverse]: parentId });
    else if (code === 5) release([...ctx.store.children(co.name, inverse, parentId)]);
    else {
      const keep = new Set(vals as number[]);
      release(ctx.store.children(co.name, inverse, parentId).filter((c) => !keep.has(c)));
      for (const c of keep) writeRecords(ctx, co, [c], { [inverse]: parentId });
    }
  }
}
