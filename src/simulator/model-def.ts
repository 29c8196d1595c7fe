/**
 * How the simulator describes an Odoo model. Definitions mirror the real
 * models' field names, types and `store` flags so that `fields_get` answers
 * like a real Odoo 17 (or 19) server.
 *
 * Internal record values (what the store keeps and the generator writes):
 * - char/text/html/selection: string | false
 * - integer/float/monetary: number; boolean: boolean
 * - date: 'YYYY-MM-DD' | false
 * - datetime: 'YYYY-MM-DD HH:MM:SS' (may carry '.ffffff' internally, as
 *   PostgreSQL keeps microseconds; the wire always gets the first 19 chars) | false
 * - many2one: number | false (the engine turns it into [id, display_name])
 * - many2many: number[]
 * - one2many: never stored on the record; the engine derives it from the
 *   inverse many2one (`relationField`)
 * - binary: base64 string | false; json/properties: any JSON value | false
 * Magic fields (id, create_date, write_date, create_uid, write_uid,
 * display_name) are added by the engine to every model; do not declare them.
 */
export type FieldType =
  | 'integer' | 'float' | 'monetary' | 'char' | 'text' | 'html' | 'boolean'
  | 'date' | 'datetime' | 'selection' | 'many2one' | 'one2many' | 'many2many'
  | 'binary' | 'json' | 'properties' | 'many2one_reference';

export type RecordValues = Record<string, unknown>;

/** Who writes and when: Odoo stamps create/write with the user and the transaction start (`cr.now()`). */
export interface Stamp {
  readonly date: string;
  readonly uid: number;
}

export interface FieldDef {
  readonly type: FieldType;
  /** The field's label, as `fields_get` reports it in `string`. */
  readonly string: string;
  /**
   * Default true. A non-stored field is computed on read. Odoo 17 searches it
   * only through a search method (related and inherited fields have one when
   * their target is searchable, display_name has one); a leaf on any other
   * logs "Non-stored field %s cannot be searched." and counts as TRUE.
   */
  readonly store?: boolean;
  /**
   * A related field's path (`related='product_tmpl_id.name'` is
   * ['product_tmpl_id', 'name']); for a field taken over through `_inherits`,
   * [link to the parent, name]. The engine searches, sorts and describes the
   * field through this path as Odoo does; `compute` still gives its value.
   */
  readonly related?: readonly string[];
  /** Taken over from an `_inherits` parent (Odoo's `inherited=True`): searched and sorted by joining the parent. */
  readonly inherited?: boolean;
  readonly relation?: string;
  /** For one2many: the many2one on `relation` that points back. */
  readonly relationField?: string;
  /**
   * For one2many: the field's `domain` as a test on each child record. Odoo
   * applies it when it reads the field and when it searches through it
   * (account.move's invoice_line_ids leaves out tax and payment-term lines).
   */
  readonly domain?: (child: RecordValues) => boolean;
  readonly selection?: ReadonlyArray<readonly [string, string]>;
  readonly required?: boolean;
  readonly readonly?: boolean;
  /**
   * Up to Odoo 17 a `company_dependent` field is not stored on the record but
   * in an ir.property, per company: it is written like a stored one and read
   * back as written; before any write it reads `compute` (the default).
   */
  readonly companyDependent?: boolean;
  /** For non-stored fields: computes the value on read; with `depends`, a stored field's value. */
  readonly compute?: (record: RecordValues, lookup: RecordLookup) => unknown;
  /**
   * A stored computed field's `@api.depends` (own fields only): `compute`
   * gives its value on create and again whenever one of them is written, and
   * the write that changed them stamps write_date as Odoo's recompute does.
   */
  readonly depends?: readonly string[];
  /** A value the engine fills on create when none is given. */
  readonly default?: unknown | ((record: RecordValues) => unknown);
}

/** Read access to other records, for computes and display names. */
export interface RecordLookup {
  get(model: string, id: number): RecordValues | undefined;
}

export interface ModelDef {
  /** Dotted model name, e.g. 'pos.order'. */
  readonly name: string;
  /** The model's `_description`. */
  readonly description: string;
  /** The model's `_order`, e.g. 'date_order desc, id desc'. Used when a call passes no order. */
  readonly order: string;
  /** The `_rec_name`; default 'name'. */
  readonly recName?: string;
  readonly fields: Readonly<Record<string, FieldDef>>;
  /** Display name as Odoo computes it (e.g. '[REF] Product'); default the rec name. */
  readonly displayName?: (record: RecordValues, lookup: RecordLookup) => string;
}
