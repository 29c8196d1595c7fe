/**
 * odoo-elt as a library: `import { connect, domainOf, run } from 'odoo-elt'`.
 *
 * - The Odoo client: `connect()` (or `connectionFromEnv()`), then `searchRead`,
 *   `read`, `search`, `searchCount`, `fieldsGet`, `readGroup`, and `iterate` /
 *   `pages` over a whole model in keyset pages; three transports, retries,
 *   typed errors.
 * - Domains: `domainOf<T>()` (fluent, field names checked) or `and`/`or`/`not`/`leaf`.
 * - Typed helpers for the models the warehouse knows (POS, products, partners,
 *   employees, stock, promotions, sales, purchases).
 * - The pipeline's stages: `extract`, `transform`, `run`, as the commands.
 *
 * The simulator (a fake Odoo for tests) is a separate entry: `odoo-elt/simulator`.
 */
export { connect, ConnectionOptionsError, type ConnectionOptions, type ConnectLogger } from './odoo/connect.ts';
export { connectionFromEnv } from './api/connect-from-env.ts';
export {
  OdooClient,
  DEFAULT_PAGE_SIZE,
  type OdooRecord,
  type OdooContext,
  type FieldInfo,
  type SearchOptions,
  type SearchReadOptions,
  type ReadOptions,
  type ContextOption,
  type NamesOption,
  type IterateOptions,
} from './odoo/client.ts';
export type { ReadGroupOptions, ReadGroupRow, GroupValue, AggregateValue, GroupRange } from './odoo/read-group.ts';
export { domainOf, DomainBuilder, type FieldName, type DomainLike } from './odoo/domain-builder.ts';
export {
  and,
  or,
  not,
  leaf,
  normalizeDomain,
  parseDomain,
  TRUE_DOMAIN,
  FALSE_DOMAIN,
  OPERATORS,
  type Domain,
  type DomainItem,
  type Leaf,
  type LogicalOperator,
  type Operator,
} from './odoo/domain.ts';
export {
  OdooError,
  OdooTransientError,
  OdooProtocolError,
  OdooTlsError,
  OdooLoginError,
  OdooServerError,
  OdooUserError,
  OdooUnknownModelError,
  OdooAccessDeniedError,
  OdooAccessError,
} from './odoo/errors.ts';
export type { TransportName, ServerVersion } from './odoo/transport.ts';
export type { RetryOptions, RetryLogger } from './odoo/retry.ts';
export {
  extract,
  transform,
  run,
  type PipelineOptions,
  type ExtractOptions,
  type TransformOptions,
  type RunOptions,
  type PipelineResult,
  type StreamResult,
  type ModelResult,
} from './api/pipeline.ts';
export { isConfigurationError } from './cli/errors.ts';
// The typed helpers for the warehouse's models, each from its file (src/odoo/models/).
export type { Many2one, OdooDate, OdooDatetime } from './odoo/models/field-values.ts';
export { localDaysToUtc, toLocalDatetime, userTimeZone, type LocalDays, type UtcBounds } from './odoo/models/local-dates.ts';
export { QueryOptionsError } from './odoo/models/query-checks.ts';
export type { ArchiveOption, ReadOptions as HelperReadOptions, Selected } from './odoo/models/read-model.ts';
export type { LineQuery, OrderQuery } from './odoo/models/order-filters.ts';
export {
  posConfigs, posOrderLines, posOrders,
  type PosConfig, type PosConfigQuery, type PosOrder, type PosOrderLine, type PosOrderLineQuery, type PosOrderQuery, type PosOrderState,
} from './odoo/models/pos.ts';
export { products, type Product, type ProductQuery } from './odoo/models/products.ts';
export { customers, partners, suppliers, type Partner, type PartnerQuery } from './odoo/models/partners.ts';
export { employees, type Employee, type EmployeeQuery } from './odoo/models/employees.ts';
export { stockQuants, type StockQuant, type StockQuantQuery } from './odoo/models/stock.ts';
export {
  promotionRewards, promotionRules, promotions, type Promotion, type PromotionQuery, type PromotionReward, type PromotionRewardQuery,
  type PromotionRule, type PromotionRuleQuery,
} from './odoo/models/promotions.ts';
export {
  saleOrderLines, saleOrders, type SaleOrder, type SaleOrderLine, type SaleOrderLineQuery, type SaleOrderQuery, type SaleOrderState,
} from './odoo/models/sales.ts';
export {
  purchaseOrderLines, purchaseOrders,
  type PurchaseOrder, type PurchaseOrderLine, type PurchaseOrderLineQuery, type PurchaseOrderQuery, type PurchaseOrderState,
} from './odoo/models/purchases.ts';
