import { defineCommand } from 'citty';
import { withContext } from '../context.ts';
import { selectionArgs, selectionFlags, threadsArg, threadsFlag } from '../flags.ts';
import { formatTransformSummary, transformStep } from '../steps.ts';

const args = {
  ...selectionArgs,
  ...threadsArg,
  'full-refresh': { type: 'boolean', description: 'rebuild incremental models from all of raw, atomically', default: false },
} as const;

export const transformCommand = defineCommand({
  meta: {
    name: 'transform',
    description: 'Run the SQL models in dependency order. Examples: elt transform · elt transform --select dim_products · elt transform --select +fact_sales --full-refresh · elt transform --full-refresh --threads 4',
  },
  args,
  async run({ rawArgs, args: parsed }) {
    const threads = threadsFlag(parsed.threads);
    return withContext(async (ctx) => {
      const results = await transformStep(ctx, { ...selectionFlags(rawArgs), fullRefresh: parsed['full-refresh'] });
      console.log(formatTransformSummary(results));
      return results.some((r) => r.status === 'failed') ? 1 : 0;
    }, { threads });
  },
});
