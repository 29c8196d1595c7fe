/**
 * `elt --help` and `elt <command> --help`, in place of citty's usage screen:
 * wrapped on word boundaries at the terminal's width (80 columns at most),
 * with hanging indents, the settings, the exit codes and one example per line.
 * Generic over the commands map: a new command's help comes from its meta and args.
 */
import { parseArgs, type ArgDef, type ArgsDef, type CommandDef, type CommandMeta, type ParsedArgs, type Resolvable } from 'citty';
import { SETTINGS_HELP, type Need } from './env.ts';
import { wrap } from './text.ts';
import { VERSION } from './version.ts';

declare module 'citty' {
  interface CommandMeta {
    /** Whole command lines, each starting with `elt `: the help's "Examples:" block. */
    examples?: readonly string[];
    /**
     * The settings the command needs before it runs (all named at once when missing);
     * a function when an option decides (status --odoo). None when left out.
     */
    needs?: readonly Need[] | ((args: ParsedArgs) => readonly Need[]);
  }
}

/** The help is never wider than this, whatever the terminal. */
export const MAX_WIDTH = 80;

/** The terminal's width, at most 80 columns; 80 when stdout is not a terminal. */
export function helpWidth(): number {
  return Math.min(process.stdout.columns || MAX_WIDTH, MAX_WIDTH);
}

export type CommandLoaders = Readonly<Record<string, () => Promise<CommandDef<any>>>>;

const DESCRIPTION = 'Copy an Odoo ERP into PostgreSQL and build an analytics warehouse there, dbt-style.';

/** Options every command takes, shown in every help. */
const GLOBAL_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['--project-dir <dir>', 'run in this project folder (the one that holds elt.yml, sql/ and .env); default: the working folder'],
  ['--verbose', 'informational lines on the terminal too (they always go to logs/elt.log); elt test lists every test'],
  ['-h, --help', 'show this help'],
];

const EXIT_CODES: ReadonlyArray<readonly [string, string]> = [
  ['0', 'all good'],
  ['1', 'a stream, model or test failed (the rest still ran where it could), another elt command was working on the warehouse, or the warehouse connection was lost'],
  ['2', 'usage or configuration error: nothing was written'],
  ['130', 'interrupted by Ctrl-C (143: by a TERM signal); what was written is kept whole and the next run resumes'],
];

/** `elt --help`: usage, the commands, the global options, the settings and the exit codes. */
export async function renderMainHelp(commands: CommandLoaders, width = helpWidth()): Promise<string> {
  const rows: [string, string][] = [];
  for (const [name, load] of Object.entries(commands)) {
    const meta = await resolve((await load()).meta);
    if (!meta?.hidden) rows.push([name, (meta?.description ?? '').split(/\n\s*\n/)[0]!]);
  }
  return [
    ...wrap('Usage: elt [--project-dir <dir>] <command> [options]', width, '  '),
    '',
    ...wrap(`elt ${VERSION}: ${DESCRIPTION}`, width),
    '',
    'Commands:',
    ...table(rows, width),
    '',
    'Options:',
    ...table([...GLOBAL_OPTIONS, ['-v, --version', 'print the version']], width),
    '',
    ...wrap('Settings: environment variables, or NAME=value lines in a .env file in the project folder (the environment wins; copy .env.example to .env):', width),
    ...table(SETTINGS_HELP, width),
    '',
    'Exit codes:',
    ...table(EXIT_CODES, width),
    '',
    ...wrap('elt <command> --help shows its options and examples.', width),
  ].join('\n');
}

/** `elt <name> --help`: usage, description, arguments, options with value hints and defaults, settings, examples. */
export async function renderCommandHelp(name: string, command: CommandDef<any>, width = helpWidth()): Promise<string> {
  const meta: CommandMeta = (await resolve(command.meta)) ?? {};
  const args: ArgsDef = (await resolve(command.args)) ?? {};
  const entries = Object.entries(args);
  const positionals = entries.filter(([, def]) => def.type === 'positional');
  const options = entries.filter(([, def]) => def.type !== 'positional');
  const usage = ['elt', name, ...positionals.map(([arg, def]) => (def.required === false || 'default' in def ? `[${arg}]` : `<${arg}>`)), '[options]'];
  const lines = [...wrap(`Usage: ${usage.join(' ')}`, width, '  '), ''];
  if (meta.description) lines.push(...paragraphs(meta.description, width), '');
  if (positionals.length) lines.push('Arguments:', ...table(positionals.map(([arg, def]) => [arg, describe(def)]), width), '');
  lines.push('Options:', ...table([...options.map(([flag, def]) => [optionLabel(flag, def), describe(def)] as [string, string]), ...GLOBAL_OPTIONS], width), '');
  // A command whose options decide (status --odoo) shows what it needs without them.
  const needs = typeof meta.needs === 'function' ? meta.needs(parseArgs([], args)) : meta.needs;
  if (needs?.length) lines.push(...wrap(`Settings: ${settingsNeeded(needs)}, from the environment or .env (elt --help lists them all).`, width), '');
  if (meta.examples?.length) lines.push('Examples:', ...meta.examples.flatMap((example) => wrap(example, width, '      ', '  ')), '');
  return lines.join('\n').trimEnd();
}

/** The variables a command's needs stand for, for its help. */
function settingsNeeded(needs: readonly Need[]): string {
  const names = [...(needs.includes('odoo') ? ['ODOO_URL', 'ODOO_DB', 'ODOO_USERNAME', 'ODOO_PASSWORD or ODOO_API_KEY'] : []), ...(needs.includes('warehouse') ? ['DATABASE_URL'] : [])];
  return names.join(', ');
}

function optionLabel(flag: string, def: ArgDef): string {
  const aliases = 'alias' in def && def.alias !== undefined ? [def.alias].flat() : [];
  const names = [...aliases.map((a) => (a.length === 1 ? `-${a}` : `--${a}`)), `--${flag}`].join(', ');
  if (def.type === 'boolean') return names;
  return `${names} <${def.valueHint ?? (def.type === 'enum' ? def.options?.join('|') : 'value')}>`;
}

/** The description, with the default appended when it says something and the text does not already. */
function describe(def: ArgDef): string {
  const text = def.description ?? '';
  const shown = def.default !== undefined && def.default !== false && def.default !== '' && !/\bdefault\b/.test(text);
  return shown ? `${text} (default: ${String(def.default)})` : text;
}

/**
 * Two columns: the left padded to the widest cell (at most 24 columns), the
 * right wrapped under itself; a left cell too wide puts its text on the next line.
 */
function table(rows: ReadonlyArray<readonly [string, string]>, width: number): string[] {
  const indent = 2;
  const left = Math.min(24, Math.max(...rows.map(([l]) => l.length)));
  const column = indent + left + 2;
  const out: string[] = [];
  for (const [l, r] of rows) {
    const head = ' '.repeat(indent);
    if (!r || l.length > left) out.push(...wrap(l, width, ' '.repeat(indent + 4), head));
    if (r) out.push(...wrap(r, width, ' '.repeat(column), l.length > left ? ' '.repeat(column) : (head + l).padEnd(column)));
  }
  return out;
}

/** Blank-line-separated paragraphs, each wrapped. */
function paragraphs(text: string, width: number): string[] {
  return text.split(/\n\s*\n/).flatMap((p, i) => [...(i ? [''] : []), ...wrap(p.replace(/\s+/g, ' ').trim(), width)]);
}

async function resolve<T>(value: Resolvable<T> | undefined): Promise<T | undefined> {
  return typeof value === 'function' ? await (value as () => T | Promise<T>)() : await value;
}
