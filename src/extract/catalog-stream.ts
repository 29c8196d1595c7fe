/** What the built-in catalog says of one stream (catalog.ts, catalog-finance.ts). */
import type { ExpectedFields } from '../db/staging-sql.ts';

export interface CatalogStream {
  readonly model: string;
  /** Only present on some instances: third-party modules, or newer Odoo. */
  readonly optional?: boolean;
  /** Non-stored fields the warehouse needs anyway (read, never filtered on). */
  readonly includeFields?: readonly string[];
  /**
   * The default warehouse's contract with Odoo: every field its models
   * (sql/marts) read from this stream's staging view, with the Odoo type they
   * read it as. The view has each of these columns whatever this Odoo
   * reports: a field it lacks (another version, a module not installed, a
   * field excluded in elt.yml) is a NULL column of this type, so the models
   * still run. A field Odoo reports keeps Odoo's type.
   */
  readonly warehouseFields?: ExpectedFields;
}
