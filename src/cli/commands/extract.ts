import { defineCommand } from 'citty';
import { withContext } from '../context.ts';
import { listFlag } from '../flags.ts';
import { writeCommandArtifacts } from '../run-results.ts';
import { extractStep } from '../steps.ts';
import { formatExtractSummary, formatProblems } from '../summary.ts';

export const extractArgs = {
  streams: { type: 'string', description: 'comma-separated streams (Odoo model names) to extract; default all', valueHint: 'pos.order,pos.order.line' },
  'full-refresh': { type: 'boolean', description: 'reread every record, ignoring the cursors (also detects deletes)', default: false },
  'detect-deletes': { type: 'boolean', description: "list the ids Odoo still has and mark raw rows whose record is gone (deleted_at)", default: false },
} as const;

export const extractCommand = defineCommand({
  meta: {
    name: 'extract',
    description: 'Pull each stream incrementally into its raw_* table.',
    examples: ['elt extract', 'elt extract --streams pos.order,pos.order.line', 'elt extract --full-refresh', 'elt extract --detect-deletes'],
    needs: ['odoo', 'warehouse'],
  },
  args: extractArgs,
  async run({ args }) {
    const startedAt = Date.now();
    return withContext(async (ctx) => {
      const streams = listFlag(args.streams);
      const results = await extractStep(ctx, { streams, fullRefresh: args['full-refresh'], detectDeletes: args['detect-deletes'] });
      writeCommandArtifacts(ctx, 'extract', startedAt, { fullRefresh: args['full-refresh'] }, { streams: results });
      const seconds = (Date.now() - startedAt) / 1000;
      console.log(`${formatExtractSummary(results, seconds)}\n${formatProblems(results, [], seconds)}`);
      return results.some((r) => r.status === 'failed') ? 1 : 0;
    });
  },
});
