/**
 * One `elt verify`: every stream reconciled with Odoo (verify-stream.ts), a
 * bounded number at a time, then each declared sum: the model's total from
 * the warehouse against Odoo's total of the field, gathered during its
 * stream's pass. Read-only on both sides. Odoo calls per stream: one
 * `fields_get`, one `search_count`, and one `search_read` per page of
 * 10 x page_size records (1M records at the default 1,000: 101 pages).
 */
import pLimit from 'p-limit';
import type { OdooClient } from '../odoo/client.ts';
import type { Pool } from '../db/pool.ts';
import { modelTotal, roundToCents } from '../db/verify-queries.ts';
import { planStreams } from '../extract/plan.ts';
import { ProjectConfigError, type ProjectConfig } from '../extract/project-config.ts';
import { readContext, type Log } from '../extract/run-extract.ts';
import { checkSumFields, type DeclaredSum, type VerifyPlan } from './verify-plan.ts';
import { odooSumKey } from '../transform/model-verify.ts';
import { unverified, verifyStream, type CheckStatus, type StreamVerdict } from './verify-stream.ts';
import { firstLine } from '../util/first-line.ts';

export interface SumVerdict {
  readonly label: string;
  readonly model: string;
  /** `pos.order.amount_total`, or `account.move.amount_total_signed where move_type = 'out_invoice'` */
  readonly odooField: string;
  readonly status: CheckStatus;
  /** Totals to the cent, as numeric text; null when not computed. */
  readonly warehouse: string | null;
  readonly odoo: string | null;
  readonly error?: string;
}

export interface VerifyReport {
  /** True when nothing drifted or failed (skipped checks do not count). */
  readonly ok: boolean;
  readonly streams: readonly StreamVerdict[];
  readonly sums: readonly SumVerdict[];
}

/** `flagged`: the summed tables with a `deleted_at` column (from checkSumTargets). */
export async function runVerify(odoo: OdooClient, db: Pool, config: ProjectConfig, plan: VerifyPlan, flagged: ReadonlySet<string>, log: Log): Promise<VerifyReport> {
  const limit = pLimit(config.extract.concurrency);
  // Planned one by one, so a model Odoo refuses to describe (AccessError) fails its stream alone;
  // a configuration error (ProjectConfigError) still stops everything, exit 2.
  const plans = await Promise.all(
    plan.streams.map((stream) =>
      limit(async () => {
        try {
          return await planStreams(odoo, [stream], 1);
        } catch (error) {
          if (error instanceof ProjectConfigError) throw error;
          log.error({ stream: stream.name, err: firstLine(error) }, `verifying ${stream.name} failed: ${firstLine(error)}`);
          return { streams: [], skipped: [], failed: unverified(stream.name, stream.model, 'failed', firstLine(error)) };
        }
      }),
    ),
  );
  const streams = plans.flatMap((p) => p.streams);
  const skipped = plans.flatMap((p) => p.skipped);
  const failed = plans.flatMap((p) => ('failed' in p ? [p.failed] : []));
  const unverifiable = checkSumFields(plan.sums, streams);
  const context = await readContext(odoo, log);
  const verdicts = await Promise.all(
    streams.map((stream) =>
      limit(async (): Promise<StreamVerdict> => {
        const checks = plan.sums.filter((s) => s.check.odooModel === stream.model && !unverifiable.has(s)).map((s) => s.check);
        const sums = [...new Map(checks.map((c) => [odooSumKey(c), c])).values()];
        try {
          const verdict = await verifyStream(odoo, db, stream, sums, { pageSize: config.extract.pageSize, context });
          const { missing, extra, changed } = verdict;
          log.info({ stream: stream.name, status: verdict.status, raw: verdict.warehouse, odoo: verdict.odoo, missing: missing.count, extra: extra.count, changed: changed.count }, `verified ${stream.name}`);
          return verdict;
        } catch (error) {
          const message = firstLine(error);
          log.error({ stream: stream.name, err: message }, `verifying ${stream.name} failed: ${message}`);
          return unverified(stream.name, stream.model, 'failed', message);
        }
      }),
    ),
  );
  const all = [...verdicts, ...failed, ...skipped.map(({ stream, reason }) => unverified(stream, stream, 'skipped', reason))].sort((a, b) => a.stream.localeCompare(b.stream));
  const sums: SumVerdict[] = [];
  for (const sum of plan.sums) {
    const reason = unverifiable.get(sum);
    sums.push(reason ? { label: sum.label, model: sum.model, odooField: `${sum.check.odooModel}.${odooSumKey(sum.check)}`, status: 'skipped', warehouse: null, odoo: null, error: reason } : await verifySum(db, sum, all, flagged));
  }
  const ok = [...all, ...sums].every((c) => c.status === 'ok' || c.status === 'skipped');
  return { ok, streams: all, sums };
}

async function verifySum(db: Pool, sum: DeclaredSum, verdicts: readonly StreamVerdict[], flagged: ReadonlySet<string>): Promise<SumVerdict> {
  const { check } = sum;
  const base = { label: sum.label, model: sum.model, odooField: `${check.odooModel}.${odooSumKey(check)}` };
  const stream = verdicts.find((v) => v.model === check.odooModel);
  const total = stream?.totals.get(odooSumKey(check));
  if (!stream || total === undefined) {
    const status = stream?.status === 'skipped' ? 'skipped' : 'failed';
    return { ...base, status, warehouse: null, odoo: null, error: `stream ${check.odooModel} ${status === 'skipped' ? 'was skipped' : 'failed'}` };
  }
  try {
    const warehouse = await modelTotal(db, sum.model, check.column, check.where, flagged.has(sum.model));
    const odoo = await roundToCents(db, total);
    return { ...base, status: warehouse === odoo ? 'ok' : 'drift', warehouse, odoo };
  } catch (error) {
    return { ...base, status: 'failed', warehouse: null, odoo: null, error: firstLine(error) };
  }
}

