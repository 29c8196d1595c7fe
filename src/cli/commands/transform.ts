import { defineCommand } from 'citty';
import { withContext } from '../context.ts';
import { selectionArgs, selectionFlags, threadsArg, threadsFlag } from '../flags.ts';
import { transformStep } from '../steps.ts';
import { formatProblems, formatTransformSummary } from '../summary.ts';
import { writeCommandArtifacts } from '../run-results.ts';

const args = {
  ...selectionArgs,
  ...threadsArg,
  'full-refresh': { type: 'boolean', description: 'rebuild incremental models from all of raw, atomically', default: false },
} as const;

export const transformCommand = defineCommand({
  meta: {
    name: 'transform',
    description: 'Run the SQL models in dependency order.',
    examples: ['elt transform', 'elt transform --select dim_products', 'elt transform --select +fact_sales --full-refresh', 'elt transform --full-refresh --threads 4'],
    needs: ['warehouse'],
  },
  args,
  async run({ rawArgs, args: parsed }) {
    const threads = threadsFlag(parsed.threads);
    const startedAt = Date.now();
    return withContext(async (ctx) => {
      const selection = selectionFlags(rawArgs);
      const results = await transformStep(ctx, { ...selection, fullRefresh: parsed['full-refresh'] });
      writeCommandArtifacts(ctx, 'transform', startedAt, { ...selection, fullRefresh: parsed['full-refresh'] }, { models: results });
      const seconds = (Date.now() - startedAt) / 1000;
      console.log(`${formatTransformSummary(results, seconds)}\n${formatProblems([], results, seconds)}`);
      return results.some((r) => r.status === 'failed') ? 1 : 0;
    }, { threads });
  },
});
