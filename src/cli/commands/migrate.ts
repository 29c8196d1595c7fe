import { defineCommand } from 'citty';
import { withContext } from '../context.ts';
import { migrateStep } from '../steps.ts';

export const migrateCommand = defineCommand({
  meta: { name: 'migrate', description: 'Apply the Drizzle migrations and create the raw table of every configured stream. Example: elt migrate' },
  args: {},
  async run() {
    return withContext(async (ctx) => {
      const tables = await migrateStep(ctx);
      console.log(`migrated: framework tables up to date, ${tables} raw tables ready`);
      return 0;
    });
  },
});
