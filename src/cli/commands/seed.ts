import { defineCommand } from 'citty';
import { withContext } from '../context.ts';
import { seedStep } from '../steps.ts';

export const seedCommand = defineCommand({
  meta: {
    name: 'seed',
    description: 'Load the CSV seed files (sql/seeds/*.csv) into seed_* tables.\n\nAll in one transaction.',
    examples: ['elt seed'],
    needs: ['warehouse'],
  },
  args: {},
  async run() {
    return withContext(async (ctx) => {
      for (const s of await seedStep(ctx)) console.log(`${s.table}  ${s.rows} row${s.rows === 1 ? "" : "s"}`);
      return 0;
    });
  },
});
