import { defineCommand } from 'citty';
import { withContext } from '../context.ts';
import { listFlag, threadsArg, threadsFlag } from '../flags.ts';
import { runPipeline } from '../run-pipeline.ts';
import { formatExtractSummary, formatProblems, formatTransformSummary } from '../summary.ts';
import { extractArgs } from './extract.ts';

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
      let transformStarted = 0;
      const { streams, models } = await runPipeline(
        ctx,
        { streams: listFlag(args.streams), fullRefresh: args['full-refresh'], detectDeletes: args['detect-deletes'] },
        {
          reportMigrations: true,
          onExtracted(results, seconds) {
            console.log(formatExtractSummary(results, seconds));
            transformStarted = Date.now();
          },
        },
      );
      console.log(formatTransformSummary(models, (Date.now() - transformStarted) / 1000));
      console.log(formatProblems(streams, models, (Date.now() - startedAt) / 1000));
      return [...streams, ...models].some((r) => r.status === 'failed') ? 1 : 0;
    }, { threads });
  },
});
