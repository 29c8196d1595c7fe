import { defineCommand } from 'citty';
import { rawTableName } from '../../db/identifiers.ts';
import { readModelStatus, readStreamStatus } from '../../db/status.ts';
import { odooFreshness, type OdooFreshness } from '../../extract/odoo-freshness.ts';
import { readContext } from '../../extract/run-extract.ts';
import { resolveStreams, type Stream } from '../../extract/streams.ts';
import { checkWarehouse, connectOdoo, withContext } from '../context.ts';
import { odooSettings } from '../env.ts';
import { formatStatus, markRemoved, streamStatus, type StatusReport } from '../status-report.ts';
import { loadProject } from '../../transform/project.ts';
import { projectPlan } from '../project.ts';
import type { ProjectConfig } from '../../extract/project-config.ts';

const args = {
  json: { type: 'boolean', description: 'print the status as one JSON document (keys listed in the README, "Status")', default: false },
  odoo: { type: 'boolean', description: "also ask Odoo, per stream, for its newest write_date and how many records changed after the cursor", default: false },
} as const;

export const statusCommand = defineCommand({
  meta: {
    name: 'status',
    description: "Where the warehouse stands, per stream and per model; read-only.\n\nPer stream: cursor, raw rows, last success, lag, last error; per model: last run, rows, status.",
    examples: ['elt status', 'elt status --json', 'elt status --odoo'],
    needs: (args) => (args.odoo ? ['odoo', 'warehouse'] : ['warehouse']),
  },
  args,
  async run({ args: parsed }) {
    return withContext(async (ctx) => {
      const settings = parsed.odoo ? odooSettings(ctx.env) : null; // a missing ODOO_* variable fails before anything is read
      await checkWarehouse(ctx.db);
      const configured = resolveStreams(ctx.config);
      const rows = await readStreamStatus(ctx.db, new Map(configured.map((s) => [s.name, s.model])));
      let freshness = new Map<string, OdooFreshness>();
      if (settings) {
        const odoo = await connectOdoo(settings, ctx.log);
        const byName = new Map(configured.map((s) => [s.name, s]));
        const asked = rows.map((r) => ({ stream: byName.get(r.stream) ?? adHoc(r.stream, r.model), cursor: r.cursor }));
        freshness = await odooFreshness(odoo, asked, await readContext(odoo, ctx.log), ctx.config.extract.concurrency);
      }
      const report: StatusReport = {
        streams: rows.map((r) => streamStatus(r, rawTableName(r.model), settings ? freshness.get(r.stream) : undefined)),
        models: markRemoved(await readModelStatus(ctx.db), projectModels(ctx.config)),
      };
      console.log(parsed.json ? JSON.stringify(report, null, 2) : formatStatus(report, settings !== null));
      return 0;
    });
  },
});

/**
 * The project's model names, or null when there is none to read here (status
 * run from another folder, or a model file that does not parse: transform says why).
 */
function projectModels(config: ProjectConfig): ReadonlySet<string> | null {
  try {
    return new Set(loadProject(projectPlan(config).projectDir).byName.keys());
  } catch {
    return null;
  }
}

/** A stream the warehouse has state for but elt.yml no longer configures: asked with no domain. */
function adHoc(name: string, model: string): Stream {
  return { name, model, builtin: false, domain: [], excludeFields: [], includeFields: [], hashFields: [] };
}
