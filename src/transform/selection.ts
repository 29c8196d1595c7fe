/**
 * dbt's node selection over the model graph: methods (bare name / fqn, tag:,
 * path:, file:), graph operators (+, N+, +N, @), unions (spaces or several
 * values), intersections (commas), and --exclude removed last. The grammar is
 * in selection-parse.ts.
 */
import { nearestNames } from '../util/nearest-names.ts';
import {
  globToRegExp,
  hasWildcard,
  parseSelection,
  SelectionError,
  type SelectionOption,
  type SelectorAtom,
} from './selection-parse.ts';

export { SelectionError } from './selection-parse.ts';

export interface SelectableModel {
  readonly name: string;
  /** Relative to the project root, with `/`: `sql/marts/dim_products.sql`. */
  readonly path: string;
  /** The folders under its layer's sql/ (`['marts']`); taken from `path` when absent. */
  readonly folders?: readonly string[];
  readonly tags: readonly string[];
  /** Names of the models it depends on (sources are not models). */
  readonly parents: readonly string[];
}

/** A tag:, path:, file: or wildcard selector that matched no model: dbt warns about these rather than failing. */
export interface UnmatchedSelector {
  readonly option: SelectionOption;
  readonly selector: string;
}

export interface Selection {
  readonly selected: Set<string>;
  readonly unmatched: UnmatchedSelector[];
}

/** The names of the models picked; see resolveSelection. */
export function selectModels(models: readonly SelectableModel[], select: readonly string[], exclude: readonly string[]): Set<string> {
  return resolveSelection(models, select, exclude).selected;
}

/**
 * Applies `select` (empty = every model) then removes `exclude`. Throws
 * SelectionError for bad grammar and for a plain model name (no wildcard)
 * that names no model, in either option: a typo in --exclude would otherwise
 * run the very model meant to be left out. Selectors that matched nothing
 * otherwise are returned in `unmatched` for the caller to warn about.
 */
export function resolveSelection(models: readonly SelectableModel[], select: readonly string[], exclude: readonly string[]): Selection {
  const graph = new Graph(models);
  const unmatched: UnmatchedSelector[] = [];
  const included = parseSelection(select, '--select');
  const excluded = parseSelection(exclude, '--exclude');
  const selected = included.length === 0 ? new Set(graph.names) : graph.evaluate(included, '--select', unmatched);
  for (const name of graph.evaluate(excluded, '--exclude', unmatched)) selected.delete(name);
  return { selected, unmatched };
}

class Graph {
  readonly names: string[];
  private readonly models: readonly SelectableModel[];
  private readonly parents = new Map<string, readonly string[]>();
  private readonly children = new Map<string, string[]>();

  constructor(models: readonly SelectableModel[]) {
    this.models = models;
    this.names = models.map((m) => m.name);
    for (const m of models) this.children.set(m.name, []);
    for (const m of models) {
      const known = m.parents.filter((p) => this.children.has(p));
      this.parents.set(m.name, known);
      for (const p of known) this.children.get(p)!.push(m.name);
    }
  }

  /** Union over tokens of the intersection over each token's atoms. */
  evaluate(union: readonly SelectorAtom[][], option: SelectionOption, unmatched: UnmatchedSelector[]): Set<string> {
    const out = new Set<string>();
    for (const intersection of union) {
      const sets = intersection.map((atom) => this.expand(atom, this.match(atom, option, unmatched)));
      for (const name of sets[0]!) if (sets.every((s) => s.has(name))) out.add(name);
    }
    return out;
  }

  private match(atom: SelectorAtom, option: SelectionOption, unmatched: UnmatchedSelector[]): Set<string> {
    const test = matcher(atom);
    const found = new Set(this.models.filter(test).map((m) => m.name));
    if (found.size > 0) return found;
    if (atom.method === 'fqn' && !hasWildcard(atom.value)) {
      const near = nearestNames(atom.value, fqnCandidates(this.models));
      throw new SelectionError(`unknown model "${atom.value}" in ${option}${near.length ? `: did you mean ${near.join(', ')}?` : ''}`);
    }
    unmatched.push({ option, selector: atom.raw });
    return found;
  }

  /** dbt's graph operators, applied to what the method matched. */
  private expand(atom: SelectorAtom, base: Set<string>): Set<string> {
    const out = new Set(base);
    if (atom.childrensParents) {
      const down = new Set([...base, ...this.walk(base, this.children, Infinity)]);
      for (const n of down) out.add(n);
      for (const n of this.walk(down, this.parents, Infinity)) out.add(n);
    }
    if (atom.parentsDepth !== null) for (const n of this.walk(base, this.parents, atom.parentsDepth)) out.add(n);
    if (atom.childrenDepth !== null) for (const n of this.walk(base, this.children, atom.childrenDepth)) out.add(n);
    return out;
  }

  /** Breadth-first along `edges`, at most `depth` steps from the start set (which is not itself returned unless reached). */
  private walk(start: Iterable<string>, edges: ReadonlyMap<string, readonly string[]>, depth: number): Set<string> {
    const seen = new Set<string>();
    let frontier = [...start];
    for (let step = 0; step < depth && frontier.length > 0; step++) {
      const next: string[] = [];
      for (const name of frontier) {
        for (const n of edges.get(name) ?? []) {
          if (seen.has(n)) continue;
          seen.add(n);
          next.push(n);
        }
      }
      frontier = next;
    }
    return seen;
  }
}

function matcher(atom: SelectorAtom): (m: SelectableModel) => boolean {
  switch (atom.method) {
    case 'tag': {
      const re = globToRegExp(atom.value);
      return (m) => m.tags.some((t) => re.test(t));
    }
    case 'file': {
      const re = globToRegExp(atom.value);
      return (m) => re.test(m.path.slice(m.path.lastIndexOf('/') + 1));
    }
    case 'path': {
      const pattern = atom.value.split('/').filter((s) => s !== '' && s !== '.');
      return (m) => pathMatches(pattern, m.path.split('/'));
    }
    case 'fqn': {
      // Beyond dbt: a bare glob also matches the model name alone (dbt's `dim_*` only reaches models at the top folder).
      const re = !atom.value.includes('.') && hasWildcard(atom.value) ? globToRegExp(atom.value) : null;
      return (m) => (re?.test(m.name) ?? false) || fqnMatches(fqn(m), atom.value);
    }
  }
}

/** dbt's fqn without the project name: the folders under sql/ then the model name. */
function fqn(m: SelectableModel): string[] {
  if (m.folders) return [...m.folders, m.name];
  const dirs = m.path.split('/').slice(0, -1);
  return [...(dirs[0] === 'sql' ? dirs.slice(1) : dirs), m.name];
}

/** dbt-core's is_selected_node: the leaf exactly, or the dotted parts as a prefix; from the first part with a wildcard on, fnmatch against the rest. */
function fqnMatches(parts: readonly string[], selector: string): boolean {
  if (parts[parts.length - 1] === selector) return true;
  const wanted = selector.split('.');
  if (wanted.length > parts.length) return false;
  for (let i = 0; i < wanted.length; i++) {
    if (hasWildcard(wanted[i]!)) return globToRegExp(wanted.slice(i).join('.')).test(parts.slice(i).join('.'));
    if (wanted[i] !== parts[i]) return false;
  }
  return true;
}

/** Model names plus every dotted folder prefix (`marts`, `marts.dim_products`), for "did you mean". */
function fqnCandidates(models: readonly SelectableModel[]): string[] {
  const out = new Set<string>();
  for (const m of models) {
    out.add(m.name);
    const parts = fqn(m);
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  return [...out];
}

/**
 * dbt's path method globs the pattern under the project root and keeps a
 * model whose file, or any folder above it, was matched. Here: the pattern's
 * segments (fnmatch each; `**` = any number of folders) must match the file
 * path or one of its folders.
 */
function pathMatches(pattern: readonly string[], path: readonly string[]): boolean {
  let ends = new Set([0]); // how many path segments the pattern so far can have consumed
  for (const seg of pattern) {
    const next = new Set<number>();
    const re = seg === '**' ? null : globToRegExp(seg);
    for (const at of ends) {
      if (re === null) for (let k = at; k <= path.length; k++) next.add(k);
      else if (at < path.length && re.test(path[at]!)) next.add(at + 1);
    }
    ends = next;
  }
  // An empty pattern (`path:.`) is the project root itself, a folder above every model.
  return pattern.length === 0 || [...ends].some((k) => k > 0);
}
