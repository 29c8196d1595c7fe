import type { ArgsDef } from 'citty';
import { UsageError } from './errors.ts';
import { nearestNames } from '../util/nearest-names.ts';
import { isThreadCount, MAX_THREADS } from '../util/thread-count.ts';

/** The --select and --exclude options of ls, transform, test and dag. */
export const selectionArgs = {
  select: { type: 'string', alias: 's', description: 'models to pick, dbt selectors: name, +name (and its parents), name+ (and its children), 2+name, @name, tag:x, path:sql/marts; several for a union, a,b for an intersection; default all', valueHint: 'dim_products+' },
  exclude: { type: 'string', description: 'models to leave out (same selectors)', valueHint: 'tag:slow' },
} as const;

/** --threads of transform and run. */
export const threadsArg = {
  threads: { type: 'string', description: `models built at once, 1 to ${MAX_THREADS}, each on its own connection (default: transform.threads in elt.yml, else 4)`, valueHint: '4' },
} as const;

/** The --threads value: a whole number from 1 to MAX_THREADS, or undefined when not given. */
export function threadsFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!isThreadCount(n)) throw new UsageError(`--threads must be a whole number from 1 to ${MAX_THREADS}, got "${value}" (e.g. --threads 4)`);
  return n;
}

/** A --port value: a TCP port number, or undefined when not given. */
export function portFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65_535) throw new UsageError(`--port must be a port number (1 to 65535), not "${value}"`);
  return port;
}

/** Flags that take several space-separated values, dbt-style (`--select a b`). */
const MULTI_VALUED = new Set(['select', 'exclude']);

/**
 * citty accepts any flag, a string flag with no value and stray words; a typo
 * such as `--full-refesh` or `elt extract pos.order` must fail instead of
 * being ignored (and running everything). An unknown option names the
 * nearest known one; `command` names the help to see.
 */
export function rejectUnknownFlags(rawArgs: readonly string[], args: ArgsDef, command?: string): void {
  const see = `see ${command === undefined ? '' : `elt ${command} `}--help`;
  const known = new Map<string, { name: string; type: string; hint?: string }>();
  let positionals = Object.values(args).filter((def) => def.type === 'positional').length;
  for (const [name, def] of Object.entries(args)) {
    if (def.type === 'positional') continue;
    const entry = { name, type: def.type ?? 'string', hint: 'valueHint' in def ? def.valueHint : undefined };
    known.set(name, entry);
    known.set(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), entry);
    if ('alias' in def) for (const alias of [def.alias ?? []].flat()) known.set(alias, entry);
    if (def.type === 'boolean') known.set(`no-${name}`, entry);
  }
  for (let i = 0; i < rawArgs.length; i++) {
    const raw = rawArgs[i]!;
    if (raw === '--') break;
    const match = /^--?([^=]+)/.exec(raw);
    if (!match && positionals > 0) {
      positionals--;
      continue;
    }
    if (!match || /^-\d/.test(raw)) {
      throw new UsageError(`unexpected argument "${raw}" (options start with --; ${see})`);
    }
    const flag = known.get(match[1]!);
    if (!flag) {
      const [near] = nearestNames(match[1]!, [...Object.keys(args).filter((name) => args[name]!.type !== 'positional'), 'project-dir', 'verbose', 'help'], 1);
      throw new UsageError(`unknown option ${raw.split('=')[0]}${near === undefined ? '' : `: did you mean --${near}?`} (${see})`);
    }
    if (flag.type !== 'string') continue;
    const start = i;
    if (!raw.includes('=')) {
      while (i + 1 < rawArgs.length && !rawArgs[i + 1]!.startsWith('-')) {
        i++;
        if (!MULTI_VALUED.has(flag.name)) break;
      }
    }
    if (i === start && !/=./.test(raw)) {
      const flagName = raw.split('=')[0]!;
      throw new UsageError(`${flagName} needs a value${flag.hint ? `, e.g. ${flagName} ${flag.hint}` : ''} (${see})`);
    }
  }
}

/**
 * Every value of a repeatable flag, dbt-style: `--select a b --select c` and
 * `--select=a` give ['a', 'b', 'c'] (citty keeps only the last value).
 */
export function flagValues(rawArgs: readonly string[], name: string, alias?: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i]!;
    if (arg.startsWith(`--${name}=`)) {
      values.push(arg.slice(name.length + 3));
    } else if (arg === `--${name}` || (alias && arg === `-${alias}`)) {
      const start = values.length;
      while (i + 1 < rawArgs.length && !rawArgs[i + 1]!.startsWith('-')) values.push(rawArgs[++i]!);
      if (values.length === start) throw new UsageError(`--${name} needs a value, e.g. --${name} dim_products`);
    }
  }
  return values.flatMap((v) => v.split(/\s+/)).filter(Boolean);
}

/** `--streams a, b` as a list; undefined (all streams) when absent. */
export function listFlag(value: string | undefined): string[] | undefined {
  return value?.split(',').map((s) => s.trim()).filter(Boolean);
}

/** The values of --select (-s) and --exclude. */
export function selectionFlags(rawArgs: readonly string[]): { select: string[]; exclude: string[] } {
  return { select: flagValues(rawArgs, 'select', 's'), exclude: flagValues(rawArgs, 'exclude') };
}

/**
 * `--project-dir <dir>` (or `=dir`), which every command takes: the folder
 * the command runs in, as if started there. Taken out before the command's
 * own flags are checked.
 */
export function takeProjectDir(argv: readonly string[]): { dir: string | null; rest: string[] } {
  const rest: string[] = [];
  let dir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--project-dir' || arg.startsWith('--project-dir=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1]?.startsWith('-') ? undefined : argv[++i];
      if (!value) throw new UsageError('--project-dir needs a folder, e.g. --project-dir ./warehouse (see --help)');
      dir = value;
      continue;
    }
    rest.push(arg);
  }
  return { dir, rest };
}
