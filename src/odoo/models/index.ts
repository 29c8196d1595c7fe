/**
 * Thin typed helpers for the models the warehouse knows: the public API of
 * `odoo-elt` for scripts. Each helper takes a logged-in client first and
 * yields records in id order, read in keyset pages; see each file for its
 * options. (A barrel for the package entry; inside src/, import the file.)
 */
export type { Many2one, OdooDate, OdooDatetime } from './field-values.ts';
export { localDaysToUtc, toLocalDatetime, userTimeZone, type LocalDays, type UtcBounds } from './local-dates.ts';
export { QueryOptionsError } from './query-checks.ts';
export type { ArchiveOption, ReadOptions, Selected } from './read-model.ts';
export type { LineQuery, OrderQuery } from './order-filters.ts';
export {
  posConfigs, posOrderLines, posOrders,
  type PosConfig, type PosConfigQuery, type PosOrder, type PosOrderLine, type PosOrderLineQuery, type PosOrderQuery, type PosOrderState,
} from './pos.ts';
export { products, type Product, type ProductQuery } from './products.ts';
export { customers, partners, suppliers, type Partner, type PartnerQuery } from './partners.ts';
export { employees, type Employee, type EmployeeQuery } from './employees.ts';
export { stockQuants, type StockQuant, type StockQuantQuery } from './stock.ts';
export {
  promotionRewards, promotions, type Promotion, type PromotionQuery, type PromotionReward, type PromotionRewardQuery,
} from './promotions.ts';
export {
  saleOrderLines, saleOrders, type SaleOrder, type SaleOrderLine, type SaleOrderLineQuery, type SaleOrderQuery, type SaleOrderState,
} from './sales.ts';
export {
  purchaseOrderLines, purchaseOrders,
  type PurchaseOrder, type PurchaseOrderLine, type PurchaseOrderLineQuery, type PurchaseOrderQuery, type PurchaseOrderState,
} from './purchases.ts';
