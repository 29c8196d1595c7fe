// `npm run build` (and `npm pack`, through prepack): compiles src/ to dist/ (JavaScript and
// .d.ts types), keeps only the .d.ts files the package's entries reach (the rest is
// internal: the drizzle schema's alone is a quarter of the types), and copies the docs
// site's assets, which elt docs reads beside its code.
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const ENTRIES = ['index.d.ts', 'simulator/index.d.ts'];

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
pruneDeclarations();
for (const asset of ['site.css', 'site.js']) copyFileSync(join(root, 'src/docs', asset), join(dist, 'docs', asset));

function pruneDeclarations() {
  const reached = new Set();
  const visit = (file) => {
    if (reached.has(file)) return;
    reached.add(file);
    // Declarations keep the sources' `./x.ts` specifiers, which TypeScript resolves to `./x.d.ts`.
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from\s*|import\(\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(resolve(dirname(file), spec.replace(/\.(ts|js)$/, '.d.ts')));
    }
  };
  for (const entry of ENTRIES) visit(join(dist, entry));
  for (const file of walk(dist)) if (file.endsWith('.d.ts') && !reached.has(file)) rmSync(file);
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
