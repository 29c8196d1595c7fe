import { defineCommand } from 'citty';
import { connectOdoo, withContext } from '../context.ts';
import { listFlag, threadsArg, threadsFlag } from '../flags.ts';
import { extractStep, migrateStep, seedStep, transformStep, withWarehouseLock } from '../steps.ts';
import { formatExtractSummary, formatProblems, formatTransformSummary } from '../summary.ts';
import { planTransform } from '../../transform/run-transform.ts';
import { odooSettings } from '../env.ts';
import { resolveStreams, streamNames } from '../../extract/streams.ts';
import { planStreams } from '../../extract/plan.ts';
import { runHashKey } from '../../extract/hash-fields.ts';
import { extractArgs } from './extract.ts';
import { projectPlan } from '../project.ts';
import { writeCommandArtifacts } from '../run-results.ts';

export const pipelineCommand = defineCommand({
  meta: {
    name: 'run',
    description:
      'What a scheduler calls: migrate, seed, extract, then transform.\n\n' +
      'The settings, streams, models and the Odoo login are all checked before the migration touches anything; one lock keeps other elt commands off the warehouse meanwhile.',
    examples: ['elt run', 'elt run --detect-deletes', 'elt run --full-refresh', 'elt run --streams pos.order,pos.order.line --threads 8'],
    needs: ['odoo', 'warehouse'],
  },
  args: { ...extractArgs, ...threadsArg },
  async run({ args }) {
    const threads = threadsFlag(args.threads);
    const startedAt = Date.now();
    return withContext(async (ctx) => {
      // Every setting, stream name, model file, the hash key, the Odoo login and the streams
      // elt.yml configures (fields, domains, hash_fields) are checked before the migration touches anything.
      const settings = odooSettings(ctx.env);
      const streams = listFlag(args.streams);
      const resolved = resolveStreams(ctx.config, streams);
      runHashKey(resolved, ctx.env.ELT_HASH_KEY);
      const configured = resolved.filter((s) => ctx.config.streams.has(s.name));
      planTransform(projectPlan(ctx.config));
      const odoo = await connectOdoo(settings, ctx.log);
      await planStreams(odoo, configured, ctx.config.extract.concurrency);
      // One lock for every step: a second run refuses before it migrates or seeds anything.
      return await withWarehouseLock(ctx, async () => {
        await migrateStep(ctx);
        await seedStep(ctx);
        const extractStarted = Date.now();
        const streamResults = await extractStep(ctx, { streams, fullRefresh: args['full-refresh'], detectDeletes: args['detect-deletes'] }, odoo);
        console.log(formatExtractSummary(streamResults, (Date.now() - extractStarted) / 1000));
        const transformStarted = Date.now();
        const modelResults = await transformStep(ctx, { fullRefresh: args['full-refresh'] });
        const transformSeconds = (Date.now() - transformStarted) / 1000;
        writeCommandArtifacts(ctx, 'run', startedAt, { fullRefresh: args['full-refresh'] }, { models: modelResults, streams: streamResults });
        console.log(formatTransformSummary(modelResults, transformSeconds));
        console.log(formatProblems(streamResults, modelResults, (Date.now() - startedAt) / 1000));
        return [...streamResults, ...modelResults].some((r) => r.status === 'failed') ? 1 : 0;
      });
    }, { threads });
  },
});
