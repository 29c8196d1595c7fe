/**
 * What the demo builds: the project folder's models on top of the default
 * warehouse, with its `elt.yml` (streams, vars, extract settings, models
 * turned off), as `elt run` would, against a simulated Odoo
 * that holds the standard retail modules only. A configured stream the
 * simulator lacks is left out rather than failing the demo, and so is every
 * model that reads it, directly or through other models; the demo says which.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadProjectConfig, parseProjectConfig, type ProjectConfig } from '../extract/project-config.ts';
import { streamNames } from '../extract/streams.ts';
import { loadProject } from '../transform/project.ts';
import { layeredProject } from '../transform/project-layout.ts';

export interface DemoProject {
  readonly config: ProjectConfig;
  /** Configured streams on models the simulated Odoo does not have. */
  readonly missingStreams: readonly string[];
  /** Models that read them (their descendants are left out too, by the `name+` selectors in `exclude`). */
  readonly leftOut: readonly string[];
  /** Selectors for the transform and the data tests. */
  readonly exclude: readonly string[];
}

export function planDemoProject(projectDir: string, hasModel: (model: string) => boolean): DemoProject {
  const file = join(projectDir, 'elt.yml');
  const loaded = existsSync(file) ? loadProjectConfig(file) : parseProjectConfig({}, null);
  const missingStreams = [...loaded.streams].filter(([name, o]) => o.enabled && !hasModel(name)).map(([name]) => name);
  const streams = new Map(loaded.streams);
  for (const name of missingStreams) streams.set(name, { ...streams.get(name)!, enabled: false });
  const config: ProjectConfig = { ...loaded, streams };
  const leftOut = loadProject(layeredProject(projectDir, { disabled: loaded.disabledModels, configFile: loaded.file, defaults: loaded.defaultModels }), streamNames(loaded))
    .models.filter((m) => m.sources.some((s) => missingStreams.includes(s)))
    .map((m) => m.name);
  return { config, missingStreams, leftOut, exclude: leftOut.map((name) => `${name}+`) };
}
