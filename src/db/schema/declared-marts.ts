/**
 * The default warehouse's tables, declared here in Drizzle and created by
 * migrations: contracts, whose columns a model must match. Any other model
 * table is the model's own, made from its SELECT (transform/model-table.ts).
 */
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as customers from './marts/customers.ts';
import * as finance from './marts/finance.ts';
import * as people from './marts/people.ts';
import * as products from './marts/products.ts';
import * as promotions from './marts/promotions.ts';
import * as purchases from './marts/purchases.ts';
import * as sales from './marts/sales.ts';
import * as stock from './marts/stock.ts';

export const DECLARED_MARTS: ReadonlySet<string> = new Set(
  [customers, finance, people, products, promotions, purchases, sales, stock].flatMap((module) =>
    Object.values(module).flatMap((value) => (is(value, PgTable) ? [getTableName(value)] : [])),
  ),
);
