import type { ModelDef } from '../model-def.ts';
import { accountTax } from './account.ts';
import { resCompany, resCountry, resCountryState, resCurrency, resPartner, resUsers } from './base.ts';
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
 * sale, purchase, loyalty), as the given version defines them.
 */
export function retailModels(options: RetailModelOptions): ModelDef[] {
  const { version } = options;
  const { template, variant } = productModels(version, options.brand === true);
  return [
    resCurrency,
    resCountry,
    resCountryState,
    resCompany,
    resPartner,
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
  ];
}
