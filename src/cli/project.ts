/**
 * The project a command works on: the working folder (`--project-dir` moves
 * it, main.ts) layered on the default warehouse that ships with the tool,
 * with what elt.yml says about models (vars, models turned off) and the
 * stream names `source()` and staging views may name.
 */
import type { ProjectConfig } from '../extract/project-config.ts';
import { streamNames } from '../extract/streams.ts';
import type { Vars } from '../transform/compile.ts';
import { layeredProject, type ProjectLayout } from '../transform/project-layout.ts';

export interface ProjectPlan {
  readonly projectDir: ProjectLayout;
  readonly vars: Vars;
  readonly streams: readonly string[];
}

export function projectPlan(config: ProjectConfig, dir = process.cwd()): ProjectPlan {
  return { projectDir: layeredProject(dir, { disabled: config.disabledModels, configFile: config.file, defaults: config.defaultModels }), vars: config.vars, streams: streamNames(config) };
}
