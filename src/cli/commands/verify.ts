import { defineCommand } from 'citty';
import { checkWarehouse, connectOdoo, withContext } from '../context.ts';
import { odooSettings } from '../env.ts';
import { listFlag } from '../flags.ts';
import { loadProject } from '../../transform/project.ts';
import { streamNames } from '../../extract/streams.ts';
import { runVerify } from '../../verify/run-verify.ts';
import { checkSumTargets, planVerify } from '../../verify/verify-plan.ts';
import { formatVerifyReport, verifyReportJson } from '../../verify/verify-report.ts';
import { projectPlan } from '../project.ts';

const args = {
  streams: { type: 'string', description: 'comma-separated streams (Odoo model names) to verify, with the sums declared on them; default all', valueHint: 'pos.order,pos.order.line' },
  json: { type: 'boolean', description: 'print the report as JSON', default: false },
} as const;

export const verifyCommand = defineCommand({
  meta: {
    name: 'verify',
    description:
      "Reconcile the warehouse with Odoo: counts, ids and declared sums.\n\n" +
      "Per stream, raw rows against Odoo's count and the ids that differ; per model, the sums its `-- verify:` header declares against Odoo's own. Exit 1 on drift.",
    examples: ['elt verify', 'elt verify --streams pos.order,pos.order.line', 'elt verify --json'],
    needs: ['odoo', 'warehouse'],
  },
  args,
  async run({ args: parsed }) {
    return withContext(async (ctx) => {
      const settings = odooSettings(ctx.env);
      // Streams, declarations and the tables they sum are checked before Odoo is asked anything.
      const plan = planVerify(ctx.config, loadProject(projectPlan(ctx.config, ctx.projectDir).projectDir, streamNames(ctx.config)), listFlag(parsed.streams));
      await checkWarehouse(ctx.db);
      const flagged = await checkSumTargets(ctx.db, plan.sums);
      const odoo = await connectOdoo(settings, ctx.log);
      const report = await runVerify(odoo, ctx.db, ctx.config, plan, flagged, ctx.log);
      console.log(parsed.json ? verifyReportJson(report) : formatVerifyReport(report));
      return report.ok ? 0 : 1;
    });
  },
});
