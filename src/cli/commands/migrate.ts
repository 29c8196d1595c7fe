import { defineCommand } from 'citty';
import { withContext } from '../context.ts';
import { migrateStep } from '../steps.ts';

export const migrateCommand = defineCommand({
  meta: {
    name: 'migrate',
    description: "Create or update the warehouse's tables and a raw table per stream.\n\nApplies the Drizzle migrations and creates the raw table of every configured stream.",
    examples: ['elt migrate'],
    needs: ['warehouse'],
  },
  args: {},
  async run() {
    return withContext(async (ctx) => {
      await migrateStep(ctx, 'always'); // prints what it applied and the raw tables it created
      return 0;
    });
  },
});
