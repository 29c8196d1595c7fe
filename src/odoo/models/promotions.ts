/**
 * Promotions: the loyalty module's programs (`loyalty.program`, Odoo 16+:
 * promotions, coupons, loyalty cards, gift cards, ...), their rules
 * (`loyalty.rule`: what an order must hold) and their rewards
 * (`loyalty.reward`).
 */
import type { OdooClient } from '../client.ts';
import { and, leaf, or, type Domain } from '../domain.ts';
import type { Many2one, OdooDate, OdooDatetime } from './field-values.ts';
import { checkDay } from './local-dates.ts';
import { checkBoolean, checkIds, checkValues } from './query-checks.ts';
import { fieldList, readModel, whereIn, whereIs, type ArchiveOption, type FieldMap, type ReadOptions, type Selected } from './read-model.ts';

/** A loyalty program (`loyalty.program`). */
export interface Promotion {
  id: number;
  name: string;
  /** `promotion`, `coupons`, `loyalty`, `gift_card`, `ewallet`, `promo_code`, `buy_x_get_y`, `next_order_coupons`. */
  program_type: string;
  /** `auto` or `with_code`. */
  trigger: string | false;
  /** `current`, `future` or `both` orders. */
  applies_on: string;
  /** Odoo 17+. */
  date_from?: OdooDate | false;
  date_to: OdooDate | false;
  /** Offered in the POS, with pos_loyalty. */
  pos_ok?: boolean;
  /** The shops it runs in (none: all), with pos_loyalty. */
  pos_config_ids?: number[];
  /** Offered on sale orders, with sale_loyalty. */
  sale_ok?: boolean;
  limit_usage: boolean;
  max_usage: number;
  /** loyalty.rule ids: what triggers it. */
  rule_ids: number[];
  /** loyalty.reward ids: what it gives. */
  reward_ids: number[];
  currency_id: Many2one;
  company_id: Many2one;
  active: boolean;
  write_date: OdooDatetime;
}

/** What a program gives (`loyalty.reward`). */
export interface PromotionReward {
  id: number;
  program_id: Many2one;
  description: string | false;
  /** `discount` or `product` (a free product). */
  reward_type: string;
  discount: number;
  /** `percent`, `per_point` or `per_order`. */
  discount_mode: string;
  /** `order`, `cheapest` or `specific` products. */
  discount_applicability: string;
  discount_max_amount: number;
  discount_product_ids: number[];
  /** The product the discount line is rung up as. */
  discount_line_product_id: Many2one;
  reward_product_id: Many2one;
  reward_product_qty: number;
  required_points: number;
  active: boolean;
  write_date: OdooDatetime;
}

/** When a program applies (`loyalty.rule`): the products and the minimums an order must reach, and the points it earns. */
export interface PromotionRule {
  id: number;
  program_id: Many2one;
  /** `auto`, or `with_code` (the customer gives `code`). */
  mode: string | false;
  code: string | false;
  /** Products that count (with the category, the tag and the domain: none of them means every product). */
  product_ids: number[];
  product_category_id: Many2one;
  /** Left out where the server lacks it. */
  product_tag_id?: Many2one;
  /** Odoo's domain on product.product, as text, e.g. `[("sale_ok", "=", True)]`. */
  product_domain: string | false;
  minimum_qty: number;
  minimum_amount: number;
  /** Whether minimum_amount counts taxes: `incl` or `excl`. */
  minimum_amount_tax_mode: string;
  reward_point_amount: number;
  /** Points `order`, per `money` spent or per `unit` paid. */
  reward_point_mode: string;
  reward_point_split: boolean;
  company_id: Many2one;
  active: boolean;
  write_date: OdooDatetime;
}

export interface PromotionQuery<K extends keyof Promotion = keyof Promotion> extends ArchiveOption, ReadOptions<K> {
  /** Only programs of these types, e.g. `['promotion', 'buy_x_get_y']`. */
  readonly programTypes?: readonly string[];
  /** true: only programs offered in the POS; false: only those not. */
  readonly availableInPos?: boolean;
  /** Only programs whose dates (if any) include this day, `YYYY-MM-DD`. */
  readonly runningOn?: string;
}

export interface PromotionRewardQuery<K extends keyof PromotionReward = keyof PromotionReward> extends ArchiveOption, ReadOptions<K> {
  /** Only rewards of these programs. */
  readonly programIds?: readonly number[];
}

export interface PromotionRuleQuery<K extends keyof PromotionRule = keyof PromotionRule> extends ArchiveOption, ReadOptions<K> {
  /** Only rules of these programs. */
  readonly programIds?: readonly number[];
  /** true: only rules applied with a promotion code; false: only automatic ones. */
  readonly withCode?: boolean;
}

const PROMOTION = {
  helper: 'promotions',
  model: 'loyalty.program',
  options: ['programTypes', 'availableInPos', 'runningOn'],
  archivable: true,
  fields: fieldList<Promotion>()([
    'name', 'program_type', 'trigger', 'applies_on', 'date_from', 'date_to', 'pos_ok', 'pos_config_ids', 'sale_ok', 'limit_usage',
    'max_usage', 'rule_ids', 'reward_ids', 'currency_id', 'company_id', 'active', 'write_date',
  ]),
};

const PROMOTION_REWARD = {
  helper: 'promotionRewards',
  model: 'loyalty.reward',
  options: ['programIds'],
  archivable: true,
  fields: fieldList<PromotionReward>()([
    'program_id', 'description', 'reward_type', 'discount', 'discount_mode', 'discount_applicability', 'discount_max_amount',
    'discount_product_ids', 'discount_line_product_id', 'reward_product_id', 'reward_product_qty', 'required_points', 'active', 'write_date',
  ]),
};

const PROMOTION_RULE = {
  helper: 'promotionRules',
  model: 'loyalty.rule',
  options: ['programIds', 'withCode'],
  archivable: true,
  fields: fieldList<PromotionRule>()([
    'program_id', 'mode', 'code', 'product_ids', 'product_category_id', 'product_tag_id', 'product_domain', 'minimum_qty', 'minimum_amount',
    'minimum_amount_tax_mode', 'reward_point_amount', 'reward_point_mode', 'reward_point_split', 'company_id', 'active', 'write_date',
  ]),
};

/**
 * Loyalty programs, in id order; archived ones only with `includeArchived`.
 *
 * @example
 * for await (const p of promotions(odoo, { programTypes: ['promotion'], availableInPos: true, runningOn: '2026-12-24' })) console.log(p.name);
 */
export function promotions<K extends keyof Promotion = keyof Promotion>(
  odoo: OdooClient,
  query: PromotionQuery<K> = {},
): AsyncGenerator<Selected<Promotion, K>> {
  const { helper } = PROMOTION;
  const types = checkValues(helper, 'programTypes', query.programTypes);
  const inPos = checkBoolean(helper, 'availableInPos', query.availableInPos);
  const day = query.runningOn === undefined ? undefined : (checkDay(helper, 'runningOn', query.runningOn), query.runningOn);
  return readModel(odoo, PROMOTION, query, (fields) => and(
    whereIn('program_type', types),
    whereIs('pos_ok', inPos),
    day === undefined ? [] : runningOn(fields, day),
  ));
}

/** Rewards of loyalty programs, in id order; archived ones only with `includeArchived`. */
export function promotionRewards<K extends keyof PromotionReward = keyof PromotionReward>(
  odoo: OdooClient,
  query: PromotionRewardQuery<K> = {},
): AsyncGenerator<Selected<PromotionReward, K>> {
  const programIds = checkIds(PROMOTION_REWARD.helper, 'programIds', query.programIds);
  return readModel(odoo, PROMOTION_REWARD, query, () => whereIn('program_id', programIds));
}

/**
 * Rules of loyalty programs, in id order; archived ones only with `includeArchived`.
 *
 * @example
 * for await (const r of promotionRules(odoo, { withCode: true })) console.log(r.code, r.program_id && r.program_id[1]);
 */
export function promotionRules<K extends keyof PromotionRule = keyof PromotionRule>(
  odoo: OdooClient,
  query: PromotionRuleQuery<K> = {},
): AsyncGenerator<Selected<PromotionRule, K>> {
  const { helper } = PROMOTION_RULE;
  const programIds = checkIds(helper, 'programIds', query.programIds);
  const withCode = checkBoolean(helper, 'withCode', query.withCode);
  // mode is computed but stored: a filter Odoo applies.
  return readModel(odoo, PROMOTION_RULE, query, () => and(
    whereIn('program_id', programIds),
    whereIs('mode', withCode === undefined ? undefined : withCode ? 'with_code' : 'auto'),
  ));
}

/** Open-ended where a date is empty; date_from only where the server has it (17+). Dates are days: no zone. */
function runningOn(fields: FieldMap, day: string): Domain {
  const started = 'date_from' in fields ? or([leaf('date_from', '=', false)], [leaf('date_from', '<=', day)]) : [];
  return and(started, or([leaf('date_to', '=', false)], [leaf('date_to', '>=', day)]));
}
