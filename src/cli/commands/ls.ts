import { defineCommand } from 'citty';
import { loadEnv } from '../env.ts';
import { loadProjectConfig } from '../../extract/project-config.ts';
import { planTransform } from '../../transform/run-transform.ts';
import { selectionArgs, selectionFlags } from '../flags.ts';
import { projectPlan } from '../project.ts';

export const lsCommand = defineCommand({
  meta: {
    name: 'ls',
    description: 'List the models a selection picks, in run order.\n\nEach with its materialization and file; needs no database.',
    examples: ['elt ls', 'elt ls --select +fact_sales', 'elt ls --select tag:promotions --exclude dim_promotions'],
  },
  args: selectionArgs,
  run({ rawArgs }) {
    const env = loadEnv();
    const config = loadProjectConfig(env.ELT_CONFIG);
    const { models } = planTransform({ ...selectionFlags(rawArgs), ...projectPlan(config) });
    const width = Math.max(5, ...models.map((m) => m.name.length));
    for (const m of models) console.log(`${m.name.padEnd(width)}  ${m.materialized.padEnd(11)}  ${m.path}`);
    return 0;
  },
});
