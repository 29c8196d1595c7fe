/** Stock levels: quants (`stock.quant`), a product's quantity in one location (and lot or package). */
import type { OdooClient } from '../client.ts';
import { and, leaf } from '../domain.ts';
import type { Many2one, OdooDatetime } from './field-values.ts';
import { checkBoolean, checkIds } from './query-checks.ts';
import { fieldList, readModel, whereIn, type ReadOptions, type Selected } from './read-model.ts';

/** A quant (`stock.quant`): how much of a product one location holds. */
export interface StockQuant {
  id: number;
  product_id: Many2one;
  location_id: Many2one;
  /** The location's warehouse. */
  warehouse_id: Many2one;
  lot_id?: Many2one;
  package_id?: Many2one;
  owner_id: Many2one;
  company_id: Many2one;
  /** On hand, in the product's unit; negative in virtual locations (inventory adjustments, customers). */
  quantity: number;
  reserved_quantity: number;
  /** `quantity - reserved_quantity`. */
  available_quantity: number;
  product_uom_id: Many2one;
  /** When the oldest of it came in. */
  in_date: OdooDatetime;
  write_date: OdooDatetime;
}

export interface StockQuantQuery<K extends keyof StockQuant = keyof StockQuant> extends ReadOptions<K> {
  /** Only quants in these locations or their sub-locations (`WH/Stock` holds `WH/Stock/Shelf 1`). */
  readonly locationIds?: readonly number[];
  /** Only quants of these product variants. */
  readonly productIds?: readonly number[];
  /**
   * Only internal locations, the stock on hand, as Odoo's own stock report
   * shows; default true. false: every quant, virtual locations included.
   */
  readonly internalOnly?: boolean;
}

const STOCK_QUANT = {
  helper: 'stockQuants',
  model: 'stock.quant',
  options: ['locationIds', 'productIds', 'internalOnly'],
  fields: fieldList<StockQuant>()([
    'product_id', 'location_id', 'warehouse_id', 'lot_id', 'package_id', 'owner_id', 'company_id', 'quantity', 'reserved_quantity',
    'available_quantity', 'product_uom_id', 'in_date', 'write_date',
  ]),
};

/**
 * Quants, in id order: the stock on hand in internal locations unless
 * `internalOnly: false`.
 *
 * @example
 * for await (const q of stockQuants(odoo, { locationIds: [8] })) console.log(q.product_id && q.product_id[1], q.quantity);
 */
export function stockQuants<K extends keyof StockQuant = keyof StockQuant>(
  odoo: OdooClient,
  query: StockQuantQuery<K> = {},
): AsyncGenerator<Selected<StockQuant, K>> {
  const { helper } = STOCK_QUANT;
  const locationIds = checkIds(helper, 'locationIds', query.locationIds);
  const productIds = checkIds(helper, 'productIds', query.productIds);
  const internalOnly = checkBoolean(helper, 'internalOnly', query.internalOnly) ?? true;
  return readModel(odoo, STOCK_QUANT, query, () => and(
    locationIds === undefined ? [] : [leaf('location_id', 'child_of', [...locationIds])],
    whereIn('product_id', productIds),
    internalOnly ? [leaf('location_id.usage', '=', 'internal')] : [],
  ));
}
