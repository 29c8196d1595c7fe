import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { TOOL_DIR } from '../../transform/project-layout.ts';
import { UsageError } from '../errors.ts';

/** What `elt init` writes: project path -> where its text comes from in the tool's folder. */
const FILES: ReadonlyArray<readonly [string, string]> = [
  ['elt.yml', 'templates/project/elt.yml'],
  ['sql/daily_sales_by_branch.sql', 'templates/project/sql/daily_sales_by_branch.sql'],
  ['sql/tests/daily_sales_have_orders.sql', 'templates/project/sql/tests/daily_sales_have_orders.sql'],
  ['.env.example', '.env.example'],
  // npm leaves a file named .gitignore out of a package: the template is stored without its dot.
  ['.gitignore', 'templates/project/gitignore'],
];

export const initCommand = defineCommand({
  meta: {
    name: 'init',
    description:
      'Write a project folder of your own.\n\n' +
      'elt.yml, sql/ with an example model and test, .env.example and .gitignore. Its models run on top of the default warehouse. Nothing is overwritten.',
    examples: ['elt init my-warehouse', 'elt init'],
  },
  args: {
    dir: { type: 'positional', description: 'the project folder (made if missing; default: the working folder)', required: false, default: '.' },
  },
  run({ args }) {
    const dir = resolve(String(args.dir));
    const present = FILES.map(([file]) => file).filter((file) => existsSync(join(dir, file)));
    // All or nothing: a half-written project would mix the user's files with ours.
    if (present.length) throw new UsageError(`${shown(join(dir, present[0]!))} already exists: elt init writes a new project only (pick an empty folder, or move ${present.join(', ')} away)`);
    const texts = FILES.map(([file, from]) => [file, readFileSync(join(TOOL_DIR, from), 'utf8')] as const);
    for (const [file, text] of texts) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), text, { flag: 'wx' });
    }
    const where = shown(dir);
    console.log(
      [
        `Made an odoo-elt project in ${where}/: ${FILES.map(([file]) => file).join(', ')}`,
        '',
        'Next:',
        ...(where === '.' ? [] : [`  cd ${where}`]),
        '  cp .env.example .env    # then fill in your Odoo and DATABASE_URL',
        '  elt migrate             # the framework tables and the default warehouse',
        '  elt run                 # extract, then your models and the default ones',
        '  elt test                # the data tests, yours included',
        '',
        'Add a model: a SELECT in sql/<name>.sql; elt ls lists the models, elt compile --select <name> shows its SQL.',
      ].join('\n'),
    );
    return 0;
  },
});

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
