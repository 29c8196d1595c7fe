/**
 * Where a project's files come from. A project folder (the one `elt init`
 * writes) sits on top of the default warehouse that ships with the tool: its
 * `sql/` adds models, seeds and tests, a file named like a default one
 * replaces it, and `models:` in elt.yml turns models off by name. Run from
 * the tool's own folder (a clone), there is one layer.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nearestNames } from '../util/nearest-names.ts';
import { ModelError } from './errors.ts';

export interface ProjectLayout {
  /** The project folder: every path in a message is relative to it. */
  readonly dir: string;
  /** The default warehouse's folder (the tool's own), or null when it is not layered in. */
  readonly base: string | null;
  /** Models turned off by name (elt.yml `models: { name: false }`). */
  readonly disabled: ReadonlySet<string>;
  /** Where `disabled` was written, for messages: `elt.yml`. */
  readonly configFile?: string | null;
}

/** A file of the project, from either layer. */
export interface LayerFile {
  /** Relative to the project folder, forward slashes: `sql/marts/x.sql`, `node_modules/odoo-elt/sql/marts/x.sql`. */
  readonly path: string;
  readonly abs: string;
  /** Relative to its layer's `sql/` folder: `marts/x.sql`. */
  readonly inSql: string;
  /** True for the shipped default warehouse's files. */
  readonly builtIn: boolean;
}

/** The tool's own folder: it holds the default warehouse's `sql/` and the migrations. */
export const TOOL_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Folders under sql/ that hold no models. */
const NOT_MODELS = new Set(['seeds', 'tests']);

/** A bare folder is one layer (tests, the bench); `layered` puts the default warehouse under it unless it is the tool's own. */
export function toLayout(project: string | ProjectLayout | undefined): ProjectLayout {
  if (typeof project === 'object') return project;
  return { dir: resolve(project ?? process.cwd()), base: null, disabled: new Set() };
}

export function layeredProject(dir: string, options: { disabled?: readonly string[]; configFile?: string | null; defaults?: boolean } = {}): ProjectLayout {
  const abs = resolve(dir);
  const base = options.defaults === false || samePath(abs, TOOL_DIR) ? null : TOOL_DIR;
  return { dir: abs, base, disabled: new Set(options.disabled), configFile: options.configFile ?? null };
}

/**
 * The model files of both layers: the project's file wins over a default one
 * of the same name; disabled names are left out. A name elt.yml disables that
 * no layer has is an error (a typo would otherwise disable nothing).
 */
export function modelFiles(layout: ProjectLayout): LayerFile[] {
  const own = join(layout.dir, 'sql');
  // Run from the wrong folder, a transform would otherwise succeed with nothing to do.
  if (layout.base === null && !existsSync(own)) {
    throw new ModelError(`no sql/ folder in ${layout.dir}: run elt from the project folder (the one that holds sql/), or pass --project-dir`);
  }
  const byName = new Map<string, LayerFile>();
  for (const file of layerFiles(layout, (root) => listSql(root, root))) {
    const other = byName.get(modelName(file));
    if (other && other.builtIn === file.builtIn) throw new ModelError(`two models are named ${modelName(file)}: ${other.path} and ${file.path}`);
    byName.set(modelName(file), file);
  }
  for (const name of layout.disabled) {
    if (byName.has(name)) continue;
    const near = nearestNames(name, [...byName.keys()]);
    throw new ModelError(`${layout.configFile ?? 'elt.yml'}: models.${name}: no model of that name${near.length ? `: did you mean ${near.join(', ')}?` : ''}`);
  }
  return [...byName.values()].filter((f) => !layout.disabled.has(modelName(f)));
}

/** Seed files (`sql/seeds/*.csv`) of both layers, the project's winning by file name, in name order. */
export function seedFiles(layout: ProjectLayout): LayerFile[] {
  return byFileName(layerFiles(layout, (root) => listFlat(join(root, 'seeds'), root, '.csv')));
}

/** Singular test files (`sql/tests/*.sql`) of both layers, the project's winning by file name, in name order. */
export function testFiles(layout: ProjectLayout): LayerFile[] {
  return byFileName(layerFiles(layout, (root) => listFlat(join(root, 'tests'), root, '.sql')));
}

function modelName(file: LayerFile): string {
  return file.inSql.slice(file.inSql.lastIndexOf('/') + 1, -'.sql'.length);
}

/** Default layer first, then the project's, each with paths relative to the project folder. */
function layerFiles(layout: ProjectLayout, list: (sqlRoot: string) => Array<{ abs: string; inSql: string }>): LayerFile[] {
  const layers = [...(layout.base ? [{ root: join(layout.base, 'sql'), builtIn: true }] : []), { root: join(layout.dir, 'sql'), builtIn: false }];
  return layers.flatMap(({ root, builtIn }) =>
    list(root).map(({ abs, inSql }) => ({ abs, inSql, builtIn, path: shownPath(layout.dir, abs) })),
  );
}

function byFileName(files: readonly LayerFile[]): LayerFile[] {
  const byName = new Map<string, LayerFile>();
  for (const file of files) byName.set(file.inSql.slice(file.inSql.lastIndexOf('/') + 1), file);
  return [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, file]) => file);
}

function listSql(dir: string, sqlRoot: string): Array<{ abs: string; inSql: string }> {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const abs = join(dir, entry);
    if (statSync(abs).isDirectory()) return NOT_MODELS.has(entry) && dir === sqlRoot ? [] : listSql(abs, sqlRoot);
    return entry.endsWith('.sql') ? [{ abs, inSql: relative(sqlRoot, abs).split(sep).join('/') }] : [];
  });
}

function listFlat(dir: string, sqlRoot: string, ext: string): Array<{ abs: string; inSql: string }> {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(ext))
      .sort()
      .map((f) => ({ abs: join(dir, f), inSql: relative(sqlRoot, join(dir, f)).split(sep).join('/') }));
  } catch {
    return [];
  }
}

/** Relative to the project folder when inside it (node_modules/odoo-elt/sql/...), else absolute (a clone elsewhere). */
function shownPath(dir: string, abs: string): string {
  const rel = relative(dir, abs);
  return (rel.startsWith('..') || isAbsolute(rel) ? abs : rel).split(sep).join('/');
}

function samePath(a: string, b: string): boolean {
  return relative(a, b) === '';
}
