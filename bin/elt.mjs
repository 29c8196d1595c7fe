#!/usr/bin/env node
// In a clone (src/ present) the TypeScript sources run through tsx, so `npm ci` is the only
// install step; the npm package ships them compiled (dist/, built by `npm pack`) and no tsx.
import { existsSync } from 'node:fs';

const fromSource = existsSync(new URL('../src/cli/main.ts', import.meta.url));
if (fromSource) (await import('tsx/esm/api')).register();
const { main } = await import(fromSource ? '../src/cli/main.ts' : '../dist/cli/main.js');
await main(process.argv.slice(2));
