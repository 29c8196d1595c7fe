/**
 * The filters POS, sale and purchase orders share, and that their lines
 * helpers apply to the line's order (`order_id.date_order`): the lines of the
 * orders the orders helper gives for the same options. Paths go through
 * stored fields only.
 */
import type { OdooClient } from '../client.ts';
import { and, type Domain } from '../domain.ts';
import { checkLocalDays, localDaysDomain, type LocalDays } from './local-dates.ts';
import { checkIds, checkValues } from './query-checks.ts';
import { readModel, whereIn, type ModelSpec, type ReadOptions } from './read-model.ts';

/** Orders by their date (`date_order`, in local days) and state. */
export interface OrderQuery<State extends string = string> extends LocalDays {
  /** Only orders in these states. */
  readonly states?: readonly State[];
}

/** A lines helper's filters: those of its orders helper, plus the orders themselves. */
export interface LineQuery<State extends string = string> extends OrderQuery<State> {
  /** Only the lines of these orders. */
  readonly orderIds?: readonly number[];
}

export const ORDER_OPTIONS: readonly string[] = ['from', 'to', 'timeZone', 'states'];
export const LINE_OPTIONS: readonly string[] = [...ORDER_OPTIONS, 'orderIds'];

/**
 * The records of an orders helper (`onOrder` '') or a lines helper
 * ('order_id.'): the shared filters, and the helper's own `extra` leaves.
 * The options are checked now; the domain (which may ask for the user's
 * zone) is made at the first read.
 */
export function readOrders<T>(
  odoo: OdooClient,
  spec: ModelSpec,
  query: LineQuery & ReadOptions,
  onOrder: '' | 'order_id.',
  extra: Domain = [],
): AsyncGenerator<T> {
  const { helper } = spec;
  const days = checkLocalDays(helper, query);
  const states = checkValues(helper, 'states', query.states);
  const orderIds = onOrder ? checkIds(helper, 'orderIds', query.orderIds) : undefined;
  return readModel<T>(odoo, spec, query, async () => and(
    whereIn('order_id', orderIds),
    await localDaysDomain(odoo, days, query.timeZone, `${onOrder}date_order`),
    whereIn(`${onOrder}state`, states),
    extra,
  ));
}
