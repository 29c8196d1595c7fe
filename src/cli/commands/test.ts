import { defineCommand } from 'citty';
import { checkWarehouse, withContext } from '../context.ts';
import { selectionArgs, selectionFlags } from '../flags.ts';
import { formatTestReport } from '../test-report.ts';
import { runDataTests } from '../../transform/data-tests.ts';
import { projectPlan } from '../project.ts';
import { writeCommandArtifacts } from '../run-results.ts';

export const testCommand = defineCommand({
  meta: {
    name: 'test',
    description:
      "Run the data tests of the selected models.\n\n" +
      'The tests declared in model headers (unique, not_null, relationships, accepted_values) and the singular tests of sql/tests/; ' +
      'a test runs when a model it reads is selected. Exit 1 when one fails.',
    examples: ['elt test', 'elt test --select fact_sales_lines', 'elt test --exclude tag:slow'],
    needs: ['warehouse'],
  },
  args: selectionArgs,
  async run({ rawArgs }) {
    const startedAt = Date.now();
    return withContext(async (ctx) => {
      await checkWarehouse(ctx.db);
      const selection = selectionFlags(rawArgs);
      const results = await runDataTests(ctx.db, { ...selection, ...projectPlan(ctx.config, ctx.projectDir) }, ctx.log);
      writeCommandArtifacts(ctx, 'test', startedAt, selection, { tests: results });
      console.log(formatTestReport(results, { verbose: ctx.output.verbose }));
      return results.every((r) => r.status === 'pass') ? 0 : 1;
    });
  },
});
