/**
 * What `elt verify` checks, resolved and validated before it reads a record:
 * the streams (all, or `--streams`), and the sums declared in model headers
 * (`-- verify: ...`, see transform/model-verify.ts) whose Odoo model is one
 * of them. A declaration naming no stream, a missing table or column, or a
 * field the stream does not extract is a usage error (exit 2).
 */
import type { Pool } from '../db/pool.ts';
import { relationColumns } from '../db/verify-queries.ts';
import type { ProjectConfig } from '../extract/project-config.ts';
import type { PlannedStream } from '../extract/stream-types.ts';
import { warehouseFieldsOf } from '../extract/catalog-staging.ts';
import { resolveStreams, type Stream } from '../extract/streams.ts';
import { ModelError } from '../transform/errors.ts';
import { describeCheck, type SumCheck } from '../transform/model-verify.ts';
import type { Project } from '../transform/project.ts';

export interface DeclaredSum {
  /** The model (and its table or view) whose column is summed. */
  readonly model: string;
  readonly path: string;
  readonly check: SumCheck;
  /** As written: `fact_sales.amount_total where source = 'pos'`. */
  readonly label: string;
}

export interface VerifyPlan {
  readonly streams: readonly Stream[];
  readonly sums: readonly DeclaredSum[];
}

export function planVerify(config: ProjectConfig, project: Project, selected?: readonly string[]): VerifyPlan {
  const streams = resolveStreams(config, selected);
  const known = new Set(resolveStreams(config).map((s) => s.model));
  const chosen = new Set(streams.map((s) => s.model));
  const sums = project.models.flatMap((model) =>
    model.verify.map((check) => {
      if (!known.has(check.odooModel)) {
        throw new ModelError(`${model.path}: verify: no stream extracts ${check.odooModel} (streams are Odoo model names; add it under streams: in elt.yml)`);
      }
      return { model: model.name, path: model.path, check, label: describeCheck(model.name, check) };
    }),
  );
  return { streams, sums: sums.filter((s) => chosen.has(s.check.odooModel)) };
}

/** Checks every summed table and column exists; returns the tables that carry `deleted_at` (flagged rows are left out of sums). */
export async function checkSumTargets(db: Pool, sums: readonly DeclaredSum[]): Promise<Set<string>> {
  const flagged = new Set<string>();
  for (const { model, path, check } of sums) {
    const columns = await relationColumns(db, model);
    if (columns.size === 0) throw new ModelError(`${path}: verify: the warehouse has no table ${model} yet: run elt migrate and elt transform first`);
    for (const column of [check.column, check.where?.column]) {
      if (column !== undefined && !columns.has(column)) throw new ModelError(`${path}: verify: ${model} has no column ${column}`);
    }
    if (columns.has('deleted_at')) flagged.add(model);
  }
  return flagged;
}

/**
 * Once Odoo has been asked (fields_get): a summed field must be one the
 * stream lands, or raw could never agree. A field the default warehouse
 * expects but the stream does not land (this Odoo lacks it, as total_cost
 * before 17, or elt.yml excludes it) makes its check skipped, with the reason
 * returned; any other is a usage error.
 */
export function checkSumFields(sums: readonly DeclaredSum[], planned: readonly PlannedStream[]): Map<DeclaredSum, string> {
  const skipped = new Map<DeclaredSum, string>();
  for (const sum of sums) {
    const { path, check } = sum;
    const stream = planned.find((s) => s.model === check.odooModel);
    for (const field of [check.odooField, check.odooWhere?.field]) {
      if (!stream || field === undefined || stream.fields.includes(field)) continue;
      if (warehouseFieldsOf(check.odooModel)[field] !== undefined) {
        skipped.set(sum, `${check.odooModel}.${field} is not landed (this Odoo lacks it, or elt.yml excludes it)`);
        continue;
      }
      throw new ModelError(`${path}: verify: ${check.odooModel}.${field} is not a field elt extracts (unknown to Odoo, not stored, or in exclude_fields)`);
    }
  }
  return skipped;
}
