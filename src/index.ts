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
export * from './odoo/models/index.ts';
