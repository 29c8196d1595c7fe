/**
 * The project's models and their graph. Every name is resolved and the graph
 * checked for cycles here, before any SQL runs.
 */
import { readFileSync } from 'node:fs';
import { nearestNames } from '../util/nearest-names.ts';
import { ModelError } from './errors.ts';
import { changedAliases, parseModelFile, type ModelFile } from './model-file.ts';
import { stagingViewName } from '../db/staging.ts';
import { modelFiles, seedFiles, toLayout, type ProjectLayout } from './project-layout.ts';

export interface Project {
  /** Models in run order: parents before children, equal ranks in file-path order. */
  readonly models: readonly ModelFile[];
  readonly byName: ReadonlyMap<string, ModelFile>;
  /** Model name -> the models it reads (refs and referenced dimensions; seeds excluded). */
  readonly parents: ReadonlyMap<string, readonly string[]>;
  /** Seed tables (`seed_<file>`) available to ref(). */
  readonly seeds: ReadonlySet<string>;
  /** Staging views (`stg_<stream>`) available to ref(); empty when the streams were not given. */
  readonly staging: ReadonlySet<string>;
  /** Where the files came from (the project folder, and the default warehouse under it). */
  readonly layout: ProjectLayout;
}

/**
 * `project`: a folder holding `sql/`, or a layout (project-layout.ts).
 * `streams`: every stream name the project knows (built-in and configured);
 * when given, a `source()` naming another is an error before anything runs.
 */
export function loadProject(project: string | ProjectLayout, streams?: readonly string[]): Project {
  const layout = toLayout(project);
  const files = modelFiles(layout);
  const seeds = new Set(seedFiles(layout).map((f) => `seed_${f.inSql.slice('seeds/'.length, -'.csv'.length)}`));
  const byName = new Map<string, ModelFile>();
  const parsed = files.map(({ path, abs, inSql }) => ({ ...parseModelFile(path, readFileSync(abs, 'utf8')), folders: inSql.split('/').slice(0, -1) }));
  const names = new Set(parsed.map((m) => m.name));
  // Staging view -> its stream, for every stream the project knows.
  const views = new Map((streams ?? []).map((s) => [stagingViewName(s), s]));
  const models = parsed.map((m) => resolveStaging(m, names, seeds, streams ? views : null));
  for (const model of models) {
    const other = byName.get(model.name);
    if (other) throw new ModelError(`two models are named ${model.name}: ${other.path} and ${model.path}`);
    if (seeds.has(model.name)) throw new ModelError(`${model.path}: ${model.name} is also a seed table name`);
    byName.set(model.name, model);
  }
  if (streams) checkSources(models, streams);
  const staging = new Set(views.keys());
  const parents = new Map<string, string[]>();
  for (const model of models) {
    for (const name of model.refs) {
      // Without the stream list (elt status), a stg_ name is taken on trust.
      if (byName.has(name) || seeds.has(name) || staging.has(name) || (!streams && name.startsWith('stg_'))) continue;
      if (layout.disabled.has(name)) {
        throw new ModelError(`${model.path} reads ${name}, which ${layout.configFile ?? 'elt.yml'} turns off (models: ${name}: false): turn ${model.name} off too, or ${name} back on`);
      }
      throw unknownRef(model.path, name, [...byName.keys(), ...seeds, ...staging]);
    }
    parents.set(model.name, model.refs.filter((name) => byName.has(name)));
  }
  return { models: order(models, parents), byName, parents, seeds, staging, layout };
}

/** `ref('x')` naming nothing the project has: one line with the nearest names. */
export function unknownRef(path: string, name: string, known: readonly string[]): ModelError {
  const near = nearestNames(name, known);
  return new ModelError(`${path}: ref('${name}') names no model, seed or staging view${near.length ? `: did you mean ${near.join(', ')}?` : ''}`);
}

/**
 * `ref('stg_pos_order')` that no model of the project is named: the view
 * extract generates for stream pos.order. It reads that stream like
 * `source()` does (in the graph, and for `changed()` on its alias).
 */
function resolveStaging(model: ModelFile, models: ReadonlySet<string>, seeds: ReadonlySet<string>, views: ReadonlyMap<string, string> | null): ModelFile {
  const byView = views ?? new Map<string, string>();
  const read = model.refs.filter((r) => !models.has(r) && !seeds.has(r) && byView.has(r));
  const aliases = new Map(model.aliases);
  for (const [alias, ref] of model.refAliases) if (byView.has(ref) && !models.has(ref)) aliases.set(alias, byView.get(ref)!);
  for (const alias of changedAliases(model.body)) {
    if (!aliases.has(alias) && views) {
      throw new ModelError(`${model.path}: changed(${alias}) needs a source or a staging view, and ${alias} is ${model.refAliases.get(alias) ?? 'neither'}`);
    }
  }
  if (read.length === 0 && aliases.size === model.aliases.size) return model;
  return { ...model, sources: [...new Set([...model.sources, ...read.map((r) => byView.get(r)!)])], aliases };
}

function checkSources(models: readonly ModelFile[], streams: readonly string[]): void {
  const known = new Set(streams);
  for (const model of models) {
    for (const name of model.sources) {
      if (known.has(name)) continue;
      const near = nearestNames(name, streams);
      throw new ModelError(
        `${model.path}: source('${name}') names no stream${near.length ? `: did you mean ${near.join(', ')}?` : ''} (sources are Odoo model names; add new streams under streams: in elt.yml)`,
      );
    }
  }
}

/** Kahn's algorithm; the ready set is kept in path order so equal ranks run in file-path order. */
function order(models: readonly ModelFile[], parents: ReadonlyMap<string, readonly string[]>): ModelFile[] {
  const pending = new Map(models.map((m) => [m.name, new Set(parents.get(m.name))]));
  const byPath = [...models].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const result: ModelFile[] = [];
  while (result.length < models.length) {
    const ready = byPath.filter((m) => pending.get(m.name)?.size === 0);
    if (ready.length === 0) throw new ModelError(describeCycle(byPath.filter((m) => pending.has(m.name)), parents));
    for (const model of ready) {
      pending.delete(model.name);
      for (const deps of pending.values()) deps.delete(model.name);
      result.push(model);
    }
  }
  return result;
}

/** Walks parent links from a stuck model until a name repeats: that loop is the cycle. */
function describeCycle(stuck: readonly ModelFile[], parents: ReadonlyMap<string, readonly string[]>): string {
  const inStuck = new Map(stuck.map((m) => [m.name, m]));
  const path: string[] = [];
  let current = stuck[0]!.name;
  while (!path.includes(current)) {
    path.push(current);
    current = parents.get(current)!.find((p) => inStuck.has(p))!;
  }
  const cycle = [...path.slice(path.indexOf(current)), current].reverse();
  return `the models form a cycle: ${cycle.map((n) => inStuck.get(n)!.path).join(' -> ')}`;
}
