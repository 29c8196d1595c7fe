/**
 * Where a command's words go, decided here and nowhere else.
 *
 * On a terminal (stderr a TTY, no CI variable): live progress bars, then
 * warnings and errors one readable line each, then the summary on stdout.
 * Informational lines go to the log file only, unless --verbose asks for
 * them on the terminal too. Off a terminal (cron, CI, a pipe): JSON lines on
 * stderr at LOG_LEVEL, a progress line every 10 s, the summary on stdout.
 * Either way the log file (`logs/elt.log` in the project folder, JSON lines,
 * as dbt keeps `logs/dbt.log`) gets every line at info or LOG_LEVEL,
 * whichever says more, so a quiet terminal loses nothing.
 */
import { join } from 'node:path';

export type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Output {
  /** Bars on stderr and only warnings and errors among the log lines there. */
  readonly live: boolean;
  /** --verbose: informational lines on the terminal too, and `elt test` lists every test. */
  readonly verbose: boolean;
  /** The level of the lines on stderr. */
  readonly consoleLevel: Level;
  /** The log file's path, and its level (null: no file). */
  readonly logFile: { readonly path: string; readonly level: Level } | null;
}

const ORDER: readonly Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

let verboseFlag = false;

/** `--verbose` anywhere among the arguments (taken out): every command accepts it. */
export function takeVerbose(argv: readonly string[]): string[] {
  const rest = argv.filter((a) => a !== '--verbose');
  verboseFlag = rest.length !== argv.length;
  return rest;
}


export function isVerbose(): boolean {
  return verboseFlag;
}

export interface OutputOptions {
  /** LOG_LEVEL (default info). */
  readonly level: Level;
  /** The folder the log folder goes in: the project folder. Null: no log file. */
  readonly dir: string | null;
  readonly stderr?: { readonly isTTY?: boolean };
  readonly env?: NodeJS.ProcessEnv;
  readonly verbose?: boolean;
}

export function decideOutput(options: OutputOptions): Output {
  const stderr = options.stderr ?? process.stderr;
  const env = options.env ?? process.env;
  const verbose = options.verbose ?? verboseFlag;
  const live = stderr.isTTY === true && !env.CI;
  const level = options.level;
  // A quiet terminal shows warnings and errors; LOG_LEVEL can still quieten it further (error, silent).
  const consoleLevel = live && !verbose ? leastVerbose(level, 'warn') : verbose ? mostVerbose(level, 'info') : level;
  const logFile = options.dir === null || level === 'silent' ? null : { path: join(options.dir, 'logs', 'elt.log'), level: mostVerbose(level, 'info') };
  return { live, verbose, consoleLevel, logFile };
}

/** The level that lets through more lines. */
export function mostVerbose(a: Level, b: Level): Level {
  return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b;
}

function leastVerbose(a: Level, b: Level): Level {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}
