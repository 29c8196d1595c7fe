import { invalidField } from './faults.ts';
import { IR_MODEL_FIELDS } from './models/ir-model-fields.ts';
import type { ModelDef, RecordValues, Stamp } from './model-def.ts';
import { buildModelInfo, LOG_ACCESS_FIELDS, type ModelInfo } from './model-info.ts';
import { copyValue, flatten, recordFactory, type RecordFactory } from './record-factory.ts';
import type { SeedSink } from './seed-sink.ts';
import type { RecordSource } from './record-source.ts';
import { compileDomain } from './domain-eval.ts';
import { compileOrder } from './order.ts';
import { searchIds } from './search.ts';

export type Magic = Parameters<SeedSink['insert']>[2];

/** Rows indexed by id: ids are dense, so an array is compact and lets searches seek by id. */
interface Table {
  readonly rows: Array<RecordValues | undefined>;
  readonly factory: RecordFactory;
  size: number;
  nextId: number;
}

/**
 * In-memory records per model, as plain objects with the same key order
 * (declared stored fields, then the magic ones), so a million order lines
 * share one hidden class. One2many values are not stored: they come from an
 * index of the inverse many2one, built on first use and dropped on change.
 */
export class Store implements SeedSink, RecordSource {
  private readonly infos = new Map<string, ModelInfo>();
  private readonly tables = new Map<string, Table>();
  /** comodel -> inverse field -> parent id -> child ids (ascending). */
  private readonly inverse = new Map<string, Map<string, Map<number, number[]>>>();

  constructor(
    models: readonly ModelDef[],
    /** The stamp for seeded records that carry no magic values. */
    private readonly seedStamp: () => Stamp,
  ) {
    for (const def of models) {
      if (this.infos.has(def.name)) throw new Error(`model ${def.name} is declared twice`);
      const info = buildModelInfo(def);
      this.infos.set(def.name, info);
      this.tables.set(def.name, { rows: [], factory: recordFactory(info), size: 0, nextId: 1 });
    }
  }

  modelNames(): string[] {
    return [...this.infos.keys()];
  }

  info(model: string): ModelInfo | undefined {
    return this.infos.get(model);
  }

  /** As uninstalling its module: the model goes, and its rows in ir.model.fields with it. */
  removeModel(model: string): void {
    this.infos.delete(model);
    this.tables.delete(model);
    this.inverse.delete(model);
    if (this.infos.has(IR_MODEL_FIELDS)) this.remove(IR_MODEL_FIELDS, this.search(IR_MODEL_FIELDS, [['model', '=', model]], { activeTest: false }));
  }

  get(model: string, id: number): RecordValues | undefined {
    return this.tables.get(model)?.rows[id];
  }

  size(model: string): number {
    return this.tables.get(model)?.size ?? 0;
  }

  /** Takes the next id from the model's sequence, as PostgreSQL does at INSERT time (before commit). */
  allocateId(model: string): number {
    const table = this.table(model);
    return table.nextId++;
  }

  /** SeedSink: values in internal shapes; magic dates default to the seed stamp. */
  insert(model: string, values: RecordValues, magic?: Magic): number {
    const id = this.allocateId(model);
    this.insertWithId(model, id, values, this.seedStamp(), magic);
    return id;
  }

  /** Inserts a record under an id already allocated. Unknown field names raise like Odoo. */
  insertWithId(model: string, id: number, values: RecordValues, stamp: Stamp, magic?: Magic): void {
    const info = this.requireInfo(model);
    const table = this.table(model);
    for (const key in values) {
      if (!info.fields[key]) throw invalidField(key, model);
      flatten(values[key]);
    }
    flatten(magic?.createDate);
    flatten(magic?.writeDate);
    const createDate = magic?.createDate ?? (values.create_date as string | undefined) ?? stamp.date;
    const createUid = magic?.createUid ?? (values.create_uid as number | undefined) ?? stamp.uid;
    const writeUid = magic?.writeUid ?? (values.write_uid as number | undefined) ?? createUid;
    const writeDate = magic?.writeDate ?? (values.write_date as string | undefined) ?? createDate;
    const rec = table.factory.make(values, table.factory.defaults, id, createUid, createDate, writeUid, writeDate);
    for (const [name, fn] of table.factory.computedDefaults) {
      if (values[name] === undefined) rec[name] = copyValue(fn(rec));
    }
    this.recompute(info, rec, null);
    if (table.rows[id] === undefined) table.size++;
    table.rows[id] = rec;
    if (id >= table.nextId) table.nextId = id + 1;
    this.inverse.delete(model);
  }

  /** Applies internal-shape values and stamps write_uid/write_date; magic names in `values` are ignored, as Odoo's `write` does. */
  update(model: string, id: number, values: RecordValues, stamp: Stamp): void {
    const info = this.requireInfo(model);
    const rec = this.table(model).rows[id];
    if (!rec) return;
    for (const key in values) {
      if (!info.fields[key]) throw invalidField(key, model);
    }
    for (const key in values) {
      // A company_dependent field (model-def.ts) is kept on the record once written.
      if (key === 'id' || LOG_ACCESS_FIELDS.has(key) || (!(key in rec) && !info.fields[key]!.companyDependent)) continue;
      flatten(values[key]);
      rec[key] = copyValue(values[key]);
    }
    this.recompute(info, rec, Object.keys(values));
    flatten(stamp.date);
    rec.write_uid = stamp.uid;
    rec.write_date = stamp.date;
    this.inverse.delete(model);
  }

  /** Stored computed fields (FieldDef.depends) of `rec`: all of them (`changed` null), or those depending on a changed field. */
  private recompute(info: ModelInfo, rec: RecordValues, changed: readonly string[] | null): void {
    for (const [name, field] of Object.entries(info.fields)) {
      if (!field.depends || !field.compute || field.store === false) continue;
      if (changed && !field.depends.some((d) => changed.includes(d))) continue;
      rec[name] = copyValue(field.compute(rec, this));
    }
  }

  /**
   * Deletes records, then does what PostgreSQL's foreign keys do: a required
   * many2one pointing at them cascades (Odoo's order lines), any other is set
   * to NULL, and many2many links go. Those changes do not touch write_date,
   * as in Odoo where the database applies them.
   */
  remove(model: string, ids: readonly number[]): void {
    const table = this.tables.get(model);
    if (!table) return;
    const gone = new Set<number>();
    for (const id of ids) {
      if (table.rows[id] !== undefined) {
        table.rows[id] = undefined;
        table.size--;
        gone.add(id);
      }
    }
    if (gone.size === 0) return;
    this.inverse.delete(model);
    for (const [other, info] of this.infos) {
      const rows = this.tables.get(other)!.rows;
      for (const [name, field] of Object.entries(info.fields)) {
        if (field.relation !== model || (field.type !== 'many2one' && field.type !== 'many2many')) continue;
        const cascade: number[] = [];
        for (const rec of rows) {
          if (!rec) continue;
          const value = rec[name];
          if (field.type === 'many2many') {
            const ids2 = value as number[];
            if (ids2.some((v) => gone.has(v))) rec[name] = ids2.filter((v) => !gone.has(v));
          } else if (typeof value === 'number' && gone.has(value)) {
            if (field.required) cascade.push(rec.id as number);
            else rec[name] = false;
          }
        }
        this.inverse.delete(other);
        if (cascade.length) this.remove(other, cascade);
      }
    }
  }

  /** Ids of `comodel` records whose many2one `inverseField` points at `parentId`, ascending. */
  children(comodel: string, inverseField: string, parentId: number): readonly number[] {
    let byField = this.inverse.get(comodel);
    if (!byField) this.inverse.set(comodel, (byField = new Map()));
    let index = byField.get(inverseField);
    if (!index) {
      index = new Map();
      for (const rec of this.tables.get(comodel)?.rows ?? []) {
        const parent = rec?.[inverseField];
        if (typeof parent !== 'number') continue;
        const list = index.get(parent);
        if (list) list.push(rec!.id as number);
        else index.set(parent, [rec!.id as number]);
      }
      byField.set(inverseField, index);
    }
    return index.get(parentId) ?? [];
  }

  /** The display name Odoo computes, or undefined when the record does not exist. */
  displayName(model: string, id: number): string | false | undefined {
    const info = this.infos.get(model);
    const rec = info && this.get(model, id);
    if (!info || !rec) return undefined;
    if (info.def.displayName) return info.def.displayName(rec, this);
    if (!info.recName) return `${model},${id}`;
    const value = rec[info.recName];
    const field = info.fields[info.recName]!;
    if (field.type === 'many2one') return typeof value === 'number' ? (this.displayName(field.relation!, value) ?? false) : false;
    return value === false || value === null || value === undefined ? false : String(value);
  }

  /**
   * Ids matching an Odoo domain, as `search` over RPC would return them (for
   * tests). activeTest defaults to true, as Odoo's context does; version
   * (the Odoo rules to follow) to 17.
   */
  search(
    model: string,
    domain: unknown[] = [],
    options: { activeTest?: boolean; order?: string; limit?: number; offset?: number; version?: number } = {},
  ): number[] {
    const info = this.requireInfo(model);
    return searchIds(this, info, {
      domain: compileDomain(this, info, domain, options.activeTest ?? true, options.version),
      order: compileOrder(this, info, options.order, options.version),
      offset: options.offset ?? 0,
      limit: options.limit && options.limit > 0 ? options.limit : Infinity,
    });
  }

  /** Iterates existing records with lo <= id <= hi, ascending (or descending). */
  *scan(model: string, lo = 1, hi = Infinity, descending = false): Generator<RecordValues> {
    const rows = this.tables.get(model)?.rows ?? [];
    const top = Math.min(hi, rows.length - 1);
    const bottom = Math.max(lo, 1);
    if (descending) {
      for (let id = top; id >= bottom; id--) {
        const rec = rows[id];
        if (rec) yield rec;
      }
    } else {
      for (let id = bottom; id <= top; id++) {
        const rec = rows[id];
        if (rec) yield rec;
      }
    }
  }

  private requireInfo(model: string): ModelInfo {
    const info = this.infos.get(model);
    if (!info) throw new Error(`unknown model ${model}`);
    return info;
  }

  private table(model: string): Table {
    const table = this.tables.get(model);
    if (!table) throw new Error(`unknown model ${model}`);
    return table;
  }
}
