import { writeFileSync } from 'node:fs';
import { defineCommand } from 'citty';
import { loadEnv } from '../env.ts';
import { UsageError } from '../errors.ts';
import { firstLine } from '../text.ts';
import { loadProjectConfig } from '../../extract/project-config.ts';
import { planTransform } from '../../transform/run-transform.ts';
import { buildLineage, toDot, toMermaid } from '../../transform/lineage.ts';
import { selectionArgs, selectionFlags } from '../flags.ts';
import { projectPlan } from '../project.ts';

const FORMATS = ['mermaid', 'dot'] as const;
type Format = (typeof FORMATS)[number];

const args = {
  ...selectionArgs,
  format: { type: 'string', description: 'mermaid (default) or dot (Graphviz); elt docs draws it as a page', valueHint: 'dot' },
  output: { type: 'string', alias: 'o', description: 'write to this file instead of stdout', valueHint: 'lineage.mmd' },
} as const;

export const dagCommand = defineCommand({
  meta: {
    name: 'dag',
    description: 'Print the lineage graph: raw streams and seeds through the models.\n\nAs Mermaid or Graphviz DOT; needs no database. A selected model comes with the models it reads. elt docs draws the graph as a page.',
    examples: ['elt dag', 'elt dag --select +fact_sales --format dot | dot -Tsvg > lineage.svg', 'elt dag --select fact_sales --output lineage.mmd'],
  },
  args,
  run({ rawArgs, args: parsed }) {
    const format = (parsed.format ?? 'mermaid') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    const env = loadEnv();
    const { select, exclude } = selectionFlags(rawArgs);
    const config = loadProjectConfig(env.ELT_CONFIG);
    const { project, models } = planTransform({ select, exclude, ...projectPlan(config) });
    const lineage = buildLineage(project, new Set(models.map((m) => m.name)));
    const text = format === 'dot' ? toDot(lineage) : toMermaid(lineage);
    const output = parsed.output;
    if (output === undefined) {
      console.log(text.replace(/\n$/, ''));
      return 0;
    }
    try {
      writeFileSync(output, text);
    } catch (error) {
      throw new UsageError(`cannot write ${output}: ${firstLine(error)}`);
    }
    console.log(`wrote ${output}: ${lineage.nodes.length} nodes, ${lineage.edges.length} edges (${format})`);
    return 0;
  },
});
