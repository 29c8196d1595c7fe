import { defineCommand } from 'citty';
import { checkWarehouse, warehousePool } from '../context.ts';
import { databaseUrl, loadEnv } from '../env.ts';
import { selectionArgs, selectionFlags } from '../flags.ts';
import { loadProjectConfig, type ProjectConfig } from '../../extract/project-config.ts';
import { compileModel } from '../../transform/compile.ts';
import { readWatermarks } from '../../transform/materialize.ts';
import type { ModelFile } from '../../transform/model-file.ts';
import { planTransform } from '../../transform/run-transform.ts';
import { projectPlan } from '../project.ts';

const args = {
  ...selectionArgs,
  'full-refresh': { type: 'boolean', description: 'the SQL of a full refresh (changed() reads everything); needs no database', default: false },
} as const;

export const compileCommand = defineCommand({
  meta: {
    name: 'compile',
    description:
      'Print the compiled SQL of the selected models, in run order.\n\n' +
      "Placeholders rendered; an incremental model's changed() reads as the next run would, from the warehouse's watermarks (the only time compile reads the warehouse).",
    examples: ['elt compile --select fact_sales', 'elt compile --select +fact_sales --full-refresh', 'elt compile -s dim_products | psql'],
  },
  args,
  async run({ rawArgs, args: parsed }) {
    const env = loadEnv();
    const config = loadProjectConfig(env.ELT_CONFIG);
    const { models } = planTransform({ ...selectionFlags(rawArgs), ...projectPlan(config) });
    const full = parsed['full-refresh'];
    const marks = full || !models.some((m) => m.materialized === 'incremental') ? new Map<string, Map<string, number>>() : await watermarks(databaseUrl(env), models, config);
    for (const model of models) {
      const previous = marks.get(model.name);
      const incremental = model.materialized === 'incremental' && previous !== undefined && previous.size > 0;
      const how = model.materialized !== 'incremental' ? model.materialized : incremental ? 'incremental, from the watermarks in the warehouse' : 'incremental, first run or full refresh: reads everything';
      console.log(`-- ${model.name} (${model.path}): ${how}`);
      console.log(`${compileModel(model, { watermarks: incremental ? previous : null, vars: config.vars })};\n`);
    }
    return 0;
  },
});

/** Each incremental model's watermarks, read from the warehouse as the next run would. */
async function watermarks(url: string | undefined, models: readonly ModelFile[], config: ProjectConfig): Promise<Map<string, Map<string, number>>> {
  const db = warehousePool(url, config);
  try {
    await checkWarehouse(db);
    const result = new Map<string, Map<string, number>>();
    for (const model of models) if (model.materialized === 'incremental') result.set(model.name, await readWatermarks(db, model.name));
    return result;
  } finally {
    await db.end();
  }
}
