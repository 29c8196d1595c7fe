// `npm run build` (and `npm pack`, through prepack): compiles src/ to dist/ (JavaScript and
// .d.ts types) and copies the docs site's assets, which elt docs reads beside its code.
import { copyFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url);
rmSync(new URL('dist', root), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
for (const asset of ['site.css', 'site.js']) copyFileSync(new URL(`src/docs/${asset}`, root), new URL(`dist/docs/${asset}`, root));
