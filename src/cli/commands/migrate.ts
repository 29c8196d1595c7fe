import { defineCommand } from 'citty';
import { withContext } from '../context.ts';
import { migrateStep } from '../steps.ts';

export const migrateCommand = defineCommand({
  meta: { name: 'migrate', description: 'Apply the Drizzle migrations and create the raw table of every configured stream. Example: elt migrate' },
  args: {},
  async run() {
    return withContext(async (ctx) => {
      await migrateStep(ctx, 'always'); // prints what it applied and the raw tables it created
      return 0;
    });
  },
});
