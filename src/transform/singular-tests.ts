/**
 * Singular tests: `sql/tests/<name>.sql`, each one SELECT returning the rows
 * that break a rule (none = pass), with the models' `{{ ref() }}`,
 * `{{ source() }}` and `{{ var() }}` placeholders.
 */
import { readFileSync } from 'node:fs';
import { compileModel, type Vars } from './compile.ts';
import { ModelError } from './errors.ts';
import { parseArgs, PLACEHOLDER, type ModelFile } from './model-file.ts';
import { unknownRef, type Project } from './project.ts';
import { testFiles } from './project-layout.ts';

export interface SingularTest {
  readonly name: string;
  readonly path: string;
  /** The models (not seeds) it reads through ref(): what selects it. */
  readonly models: readonly string[];
  /** The SELECT, placeholders rendered. */
  readonly sql: string;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * The tests of both layers (project-layout.ts). A default test that reads a
 * model the project turned off is left out with it.
 */
export function loadSingularTests(project: Project, vars: Vars): SingularTest[] {
  return testFiles(project.layout).flatMap(({ path, abs, builtIn }) => {
    const text = readFileSync(abs, 'utf8');
    if (builtIn && readsDisabled(path, text, project)) return [];
    return [parseSingularTest(path, text, project, vars)];
  });
}

function readsDisabled(path: string, body: string, project: Project): boolean {
  return [...body.matchAll(PLACEHOLDER)].some(([, fn, rawArgs]) => fn === 'ref' && project.layout.disabled.has(parseArgs(rawArgs!, path)[0]!));
}

export function parseSingularTest(path: string, text: string, project: Project, vars: Vars): SingularTest {
  const name = path.slice(path.lastIndexOf('/') + 1, -'.sql'.length);
  if (!IDENT.test(name)) throw new ModelError(`${path}: the file name must be a lowercase SQL identifier (letters, digits, _) since it names the test`);
  const body = text.trim().replace(/;\s*$/, '');
  const statement = body.replace(/^(\s*--[^\n]*\n)*/, '').trimStart();
  if (!/^(with|select)\b/i.test(statement)) throw new ModelError(`${path}: a test is one SELECT (or WITH ... SELECT) returning the failing rows`);
  const models = new Set<string>();
  for (const [, fn, rawArgs] of body.matchAll(PLACEHOLDER)) {
    if (fn === 'changed') throw new ModelError(`${path}: changed() belongs in incremental models; a test reads whole tables`);
    if (fn !== 'ref') continue;
    const [ref] = parseArgs(rawArgs!, path);
    if (project.byName.has(ref!)) models.add(ref!);
    else if (!project.seeds.has(ref!) && !project.staging.has(ref!)) throw unknownRef(path, ref!, [...project.byName.keys(), ...project.seeds, ...project.staging]);
  }
  // compile.ts renders any file with a body and a path; a test has no aliases since changed() is refused above.
  const asModel = { name, path, body, aliases: new Map() } as unknown as ModelFile;
  try {
    return { name, path, models: [...models], sql: compileModel(asModel, { watermarks: null, vars }) };
  } catch (error) {
    if (error instanceof ModelError) throw error;
    throw new ModelError(`${path}: ${(error as Error).message}`); // a malformed source('...') name
  }
}
