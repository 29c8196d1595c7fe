import type { ModelDef } from '../model-def.ts';
import { accountAccount, accountAccount19, accountJournal, accountJournal19, accountTax } from './account.ts';
import { accountMove, accountMove19 } from './account-move.ts';
import { accountMoveLine, accountMoveLine19 } from './account-move-line.ts';
import { accountFullReconcile, accountPartialReconcile, accountPayment, accountPayment19 } from './account-payment.ts';
import { resCompany, resCountry, resCountryState, resCurrency, resCurrencyRate, resPartner, resPartner19, resUsers } from './base.ts';
import { crmTeam } from './crm.ts';
import { hrDepartment, hrEmployee, hrEmployee19, hrJob, hrVersion, hrWorkLocation } from './hr.ts';
import { loyaltyProgram, loyaltyReward, loyaltyRule } from './loyalty.ts';
import { posCategory, posConfig, posPaymentMethod, posSession } from './pos-config.ts';
import { posOrder, posOrderLine, posPayment } from './pos-order.ts';
import { posPromotion } from './pos-promotion.ts';
import { productBrand, productCategory, productModels, productPricelist } from './product.ts';
import { purchaseOrder, purchaseOrderLine } from './purchase.ts';
import { saleOrder, saleOrderLine } from './sale.ts';
import { stockLocation, stockPickingType, stockQuant, stockWarehouse } from './stock.ts';
import { uomCategory, uomUom, uomUom19 } from './uom.ts';

export interface RetailModelOptions {
  /** Odoo major version, 17 by default in the simulator. */
  version: number;
  /** The third-party product_brand module is installed. */
  brand?: boolean;
  /** A third-party pos.promotion module is installed. */
  posPromotion?: boolean;
}

/**
 * The models of a retail Odoo database (base, product, stock, hr, point_of_sale,
 * sale, purchase, loyalty, account), as the given version defines them.
 */
export function retailModels(options: RetailModelOptions): ModelDef[] {
  const { version } = options;
  const { template, variant } = productModels(version, options.brand === true);
  return [
    resCurrency,
    resCountry,
    resCountryState,
    resCompany,
    version >= 19 ? resPartner19 : resPartner,
    resUsers,
    ...(version >= 19 ? [uomUom19] : [uomCategory, uomUom]),
    accountTax,
    productPricelist,
    productCategory,
    posCategory,
    ...(options.brand ? [productBrand] : []),
    template,
    variant,
    stockLocation,
    stockWarehouse,
    stockPickingType,
    stockQuant,
    hrDepartment,
    hrWorkLocation,
    hrJob,
    version >= 19 ? hrEmployee19 : hrEmployee,
    ...(version >= 19 ? [hrVersion] : []),
    crmTeam,
    loyaltyProgram,
    loyaltyRule,
    loyaltyReward,
    posPaymentMethod,
    posConfig,
    posSession,
    posOrder,
    posOrderLine,
    posPayment,
    saleOrder,
    saleOrderLine,
    purchaseOrder,
    purchaseOrderLine,
    ...(options.posPromotion ? [posPromotion] : []),
    // last, so the ir.model.fields rows of the models above keep their ids
    ...accountingModels(version),
  ];
}

/**
 * Invoicing: currency rates, the chart of accounts, journals, entries and
 * their lines, payments and their matching. Checked against the 17 and 19
 * sources; Odoo 18, which made these changes, gets the 19 shapes.
 */
function accountingModels(version: number): ModelDef[] {
  const v19 = version >= 18;
  return [
    resCurrencyRate(version),
    v19 ? accountAccount19 : accountAccount,
    v19 ? accountJournal19 : accountJournal,
    v19 ? accountMove19 : accountMove,
    v19 ? accountMoveLine19 : accountMoveLine,
    v19 ? accountPayment19 : accountPayment,
    accountPartialReconcile,
    accountFullReconcile(version),
  ];
}
