import { describe, expect, it } from 'vitest';
import { formatVerifyReport, verifyReportJson } from '../../src/verify/verify-report.ts';
import type { VerifyReport } from '../../src/verify/run-verify.ts';
import type { StreamVerdict } from '../../src/verify/verify-stream.ts';

const none = { count: 0, ids: [] };
function stream(name: string, over: Partial<StreamVerdict> = {}): StreamVerdict {
  return { stream: name, model: name, status: 'ok', warehouse: 1200, odoo: 1200, missing: none, extra: none, changed: none, totals: new Map(), ...over };
}

const report: VerifyReport = {
  ok: false,
  streams: [
    stream('pos.order', { status: 'drift', warehouse: 1203, odoo: 1205, missing: { count: 12, ids: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, extra: { count: 1, ids: [40] }, changed: { count: 1, ids: [7] } }),
    stream('product.brand', { status: 'skipped', warehouse: null, odoo: null, error: 'Odoo has no model product.brand (module not installed)' }),
    stream('uom.uom', { warehouse: 8, odoo: 8 }),
  ],
  sums: [
    { label: "fact_sales.amount_total where source = 'pos'", model: 'fact_sales', odooField: 'pos.order.amount_total', status: 'drift', warehouse: '1234567.80', odoo: '-1234.50' },
    { label: 'fact_purchase_orders.amount_total', model: 'fact_purchase_orders', odooField: 'purchase.order.amount_total', status: 'failed', warehouse: null, odoo: null, error: 'stream purchase.order failed' },
  ],
};

describe('the verify report', () => {
  it('is an aligned table, then the differing ids and reasons, then a count line', () => {
    expect(formatVerifyReport(report)).toBe(
      [
        "check                                            warehouse       odoo  status",
        "pos.order                                            1,203      1,205  drift",
        "product.brand                                            -          -  skipped",
        "uom.uom                                                  8          8  ok",
        "fact_sales.amount_total where source = 'pos'  1,234,567.80  -1,234.50  drift",
        "fact_purchase_orders.amount_total                        -          -  failed",
        '',
        'pos.order: 12 in Odoo, missing from raw: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more',
        'pos.order: 1 in raw, gone from Odoo: 40',
        'pos.order: 1 differ (write_date or a summed field): 7',
        'product.brand: skipped: Odoo has no model product.brand (module not installed)',
        'fact_purchase_orders.amount_total: failed: stream purchase.order failed',
        '5 checks: 1 ok, 2 drift, 1 failed, 1 skipped',
      ].join('\n'),
    );
  });

  it('prints one count line alone when all is well', () => {
    expect(formatVerifyReport({ ok: true, streams: [stream('uom.uom', { warehouse: 8, odoo: 8 })], sums: [] })).toBe(
      ['check    warehouse  odoo  status', 'uom.uom          8     8  ok', '1 check: 1 ok'].join('\n'),
    );
  });

  it('has a JSON form with the same facts', () => {
    const json = JSON.parse(verifyReportJson(report));
    expect(json.ok).toBe(false);
    expect(json.streams[0]).toEqual({ stream: 'pos.order', status: 'drift', warehouse: 1203, odoo: 1205, missing: { count: 12, ids: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, extra: { count: 1, ids: [40] }, changed: { count: 1, ids: [7] } });
    expect(json.sums[0]).toEqual({ check: "fact_sales.amount_total where source = 'pos'", odoo_field: 'pos.order.amount_total', status: 'drift', warehouse: '1234567.80', odoo: '-1234.50' });
    expect(json.sums[1].error).toBe('stream purchase.order failed');
  });
});
