import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandMeta } from 'citty';
import { commands } from '../../src/cli/main.ts';
import { renderCommandHelp, renderMainHelp } from '../../src/cli/help.ts';
import { wrap } from '../../src/cli/text.ts';
import { projectDir, runCliInProcess } from '../support/cli.ts';

/** The variables .env.example sets or shows commented out, up to its tests-only part. */
function exampleVariables(): string[] {
  const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split(/^# --- Tests only/m)[0]!;
  return [...text.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!);
}

function tooWide(text: string, width: number): string[] {
  return text.split('\n').filter((line) => line.length > width);
}

describe('elt --help', () => {
  it('fits 80 columns and names every command, option, setting and exit code', async () => {
    const help = await renderMainHelp(commands, 80);
    expect(tooWide(help, 80)).toEqual([]);
    const lines = help.split('\n');
    expect(lines[0]).toBe('Usage: elt [--project-dir <dir>] <command> [options]');
    expect(lines).toContain('  transform  Run the SQL models in dependency order.');
    expect(lines).toContain('  -v, --version        print the version');
    for (const name of Object.keys(commands)) expect(lines.some((l) => l.startsWith(`  ${name} `))).toBe(true);
    const variables = exampleVariables();
    expect(variables).toEqual(expect.arrayContaining(['ODOO_URL', 'ODOO_PASSWORD', 'ODOO_API_KEY', 'DATABASE_URL', 'LOG_LEVEL']));
    for (const variable of variables) expect(lines.some((l) => l.startsWith(`  ${variable} `)), variable).toBe(true);
    const words = help.replace(/\s+/g, ' ');
    expect(words).toContain('a .env file in the project folder');
    expect(words).toContain('copy .env.example to .env');
    const codes = lines.slice(lines.indexOf('Exit codes:') + 1).filter((l) => /^ {2}\d/.test(l)).map((l) => l.trim().split(' ')[0]);
    expect(codes).toEqual(['0', '1', '2', '130']);
    expect(lines).toContain('  2    usage or configuration error: nothing was written');
    // The first test loads every command's module cold: seconds on a busy two-core machine.
  }, 30_000);

  it('wraps narrower on a narrow terminal, on word boundaries', async () => {
    const help = await renderMainHelp(commands, 50);
    expect(tooWide(help, 50)).toEqual([]);
    expect(help).toContain("\n  ODOO_URL              the Odoo server's root\n                        URL, e.g.\n                        https://acme.odoo.com\n");
    expect(help.startsWith('Usage: elt [--project-dir <dir>] <command>\n  [options]\n')).toBe(true);
  });
});

describe('elt <command> --help', () => {
  it.each(Object.keys(commands))('%s: fits 80 columns, one example per line, each an elt command line', async (name) => {
    const command = await commands[name]!();
    const help = await renderCommandHelp(name, command, 80);
    expect(tooWide(help, 80)).toEqual([]);
    const lines = help.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Usage: elt ${name} `));
    expect(lines.some((l) => /^ {2}-h, --help +show this help$/.test(l))).toBe(true);
    const meta = command.meta as CommandMeta;
    // No example glued into the description any more: they live in meta.examples.
    expect(meta.description).not.toMatch(/Examples?:| · /);
    expect(meta.examples?.length, `${name} has no examples`).toBeGreaterThan(0);
    const examples = lines.slice(lines.indexOf('Examples:') + 1);
    expect(examples).toEqual(meta.examples!.map((e) => `  ${e}`));
    for (const example of examples) expect(example).toMatch(new RegExp(`^ {2}elt ${name}( |$)`));
  });

  it('shows value hints, defaults, aliases and the settings a command needs', async () => {
    const run = await renderCommandHelp('run', await commands.run!(), 80);
    expect(run).toContain('\n  --threads <4>             models built at once, 1 to 32, each on its own\n');
    expect(run).toContain('\nSettings: ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD or ODOO_API_KEY,\nDATABASE_URL, from the environment or .env (elt --help lists them all).\n');
    expect(run).toContain('\nExamples:\n  elt run\n  elt run --detect-deletes\n');
    const demo = await renderCommandHelp('demo', await commands.demo!(), 80);
    expect(demo).toContain('(default: .elt-demo)');
    expect(demo).not.toContain('Settings:');
    expect(await renderCommandHelp('ls', await commands.ls!(), 80)).toContain('\n  -s, --select <dim_products+>\n');
    expect((await renderCommandHelp('init', await commands.init!(), 80)).split('\n')[0]).toBe('Usage: elt init [dir] [options]');
  });
});

describe('wrap', () => {
  it('breaks on spaces with a hanging indent, and cuts only a word longer than a line', () => {
    expect(wrap('one two three four', 10, '  ')).toEqual(['one two', '  three', '  four']);
    expect(wrap('a abcdefghijkl', 6, '')).toEqual(['a', 'abcdef', 'ghijkl']);
    expect(wrap('', 10)).toEqual(['']);
  });
});

describe('did you mean', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  function elt(argv: string[]) {
    const dir = projectDir({});
    dirs.push(dir);
    return runCliInProcess(argv, { LOG_LEVEL: 'silent' }, dir);
  }

  it.each([
    [['trasform'], 'elt: unknown command "trasform": did you mean "transform"? (elt --help lists the commands)'],
    [['frobnicate'], 'elt: unknown command "frobnicate" (elt --help lists the commands)'],
    [['--verison'], 'elt: unknown option --verison: did you mean --version? (elt --help lists the commands)'],
    [['run', '--fullrefresh'], 'elt run: unknown option --fullrefresh: did you mean --full-refresh? (see elt run --help)'],
    [['status', '--jsn'], 'elt status: unknown option --jsn: did you mean --json? (see elt status --help)'],
    [['ls', '--everything'], 'elt ls: unknown option --everything (see elt ls --help)'],
  ])('elt %j: one line, exit 2', async (argv, message) => {
    expect(await elt(argv)).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('--help prints the help at 80 columns when stdout is no terminal; elt alone prints it too, exit 2', async () => {
    const help = await elt(['--help']);
    expect(help).toEqual({ code: 0, stdout: `${await renderMainHelp(commands, 80)}\n`, stderr: '' });
    expect((await elt([])).code).toBe(2);
    expect(await elt(['run', '--help'])).toEqual({ code: 0, stdout: `${await renderCommandHelp('run', await commands.run!(), 80)}\n`, stderr: '' });
  });
});
