import { defineCommand } from 'citty';
import { loadContext } from '../context.ts';
import { listFlag, rejectUnknownFlags } from '../flags.ts';
import { extractStep, formatExtractSummary, formatTransformSummary, migrateStep, seedStep, transformStep } from '../steps.ts';
import { planTransform } from '../../transform/run-transform.ts';
import { odooSettings } from '../env.ts';
import { extractArgs } from './extract.ts';

export const pipelineCommand = defineCommand({
  meta: {
    name: 'run',
    description: 'The one command a scheduler calls: migrate, seed, extract, transform. Examples: elt run · elt run --detect-deletes · elt run --full-refresh',
  },
  args: extractArgs,
  async run({ rawArgs, args }) {
    rejectUnknownFlags(rawArgs, extractArgs);
    const ctx = loadContext();
    try {
      odooSettings(ctx.env); // every setting is checked before the migration touches anything
      const streams = listFlag(args.streams);
      planTransform({ vars: ctx.config.vars }); // a broken model is reported before anything runs
      await migrateStep(ctx);
      await seedStep(ctx);
      const streamResults = await extractStep(ctx, { streams, fullRefresh: args['full-refresh'], detectDeletes: args['detect-deletes'] });
      console.log(formatExtractSummary(streamResults));
      const modelResults = await transformStep(ctx, { fullRefresh: args['full-refresh'] });
      console.log(formatTransformSummary(modelResults));
      return [...streamResults, ...modelResults].some((r) => r.status === 'failed') ? 1 : 0;
    } finally {
      await ctx.close();
    }
  },
});
