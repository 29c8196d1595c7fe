/**
 * The `elt` entry point: dispatches to one file per command, maps errors to
 * exit codes (0 ok, 1 a stream/model/test failed, 2 usage or configuration,
 * 130 interrupted by Ctrl-C) and prints every error as one line.
 */
import { parseArgs, runCommand, type ArgsDef, type CommandDef } from 'citty';
import { isConfigurationError, UsageError } from './errors.ts';
import { VERSION } from './version.ts';
import { takeVerbose } from './output.ts';
import { rejectUnknownFlags, takeProjectDir } from './flags.ts';
import { loadEnv } from './env.ts';
import { renderCommandHelp, renderMainHelp } from './help.ts';
import { nearestNames } from '../util/nearest-names.ts';
import { maskSecrets, secretValues } from './secrets.ts';
import { firstLine } from './text.ts';
import { interruptible } from './interrupt.ts';

/** Every command, loaded on demand; `elt --help` lists them in this order. */
export const commands: Record<string, () => Promise<CommandDef<any>>> = {
  migrate: () => import('./commands/migrate.ts').then((m) => m.migrateCommand),
  extract: () => import('./commands/extract.ts').then((m) => m.extractCommand),
  transform: () => import('./commands/transform.ts').then((m) => m.transformCommand),
  seed: () => import('./commands/seed.ts').then((m) => m.seedCommand),
  run: () => import('./commands/run.ts').then((m) => m.pipelineCommand),
  status: () => import('./commands/status.ts').then((m) => m.statusCommand),
  test: () => import('./commands/test.ts').then((m) => m.testCommand),
  ls: () => import('./commands/ls.ts').then((m) => m.lsCommand),
  compile: () => import('./commands/compile.ts').then((m) => m.compileCommand),
  dag: () => import('./commands/dag.ts').then((m) => m.dagCommand),
  docs: () => import('./commands/docs.ts').then((m) => m.docsCommand),
  verify: () => import('./commands/verify.ts').then((m) => m.verifyCommand),
  demo: () => import('./commands/demo.ts').then((m) => m.demoCommand),
  init: () => import('./commands/init.ts').then((m) => m.initCommand),
};

/** Runs the CLI and exits with its code. */
export async function main(argv: string[]): Promise<never> {
  process.exit(await runCli(argv));
}

export async function runCli(argv: string[]): Promise<number> {
  let args: string[];
  try {
    const { dir, rest } = takeProjectDir(argv);
    if (dir !== null) enterProject(dir);
    args = takeVerbose(rest); // global, like --project-dir: informational lines on the terminal too
  } catch (error) {
    console.error(`elt: ${firstLine(error)}`);
    return 2;
  }
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(await renderMainHelp(commands));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(VERSION);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(unknownCommand(name));
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(await renderCommandHelp(name, command));
    return 0;
  }
  try {
    // citty itself accepts any flag and stray words: every command gets the strict check here.
    rejectUnknownFlags(rest, (command.args ?? {}) as ArgsDef, name);
    checkSettings(command, rest);
    // Ctrl-C or a TERM meanwhile: one line on what stopped (interrupt.ts), exit 130 or 143.
    const { result } = await interruptible(name, () => runCommand(command, { rawArgs: rest }));
    return typeof result === 'number' ? result : 0;
  } catch (error) {
    const usage = isConfigurationError(error);
    const message = firstLine(error);
    // Messages never carry a secret by construction; masking is the last line of defence.
    console.error(maskSecrets(`elt ${name}: ${message}`, secretValues()));
    return usage ? 2 : 1;
  }
}

/** `elt trasform`: the nearest command, if one is near. */
function unknownCommand(name: string): string {
  const options = ['--project-dir', '--help', '--version'];
  const [near] = nearestNames(name, name.startsWith('-') ? options : Object.keys(commands), 1);
  const what = name.startsWith('-') ? `unknown option ${name.split('=')[0]}` : `unknown command "${name}"`;
  const mean = near === undefined ? '' : name.startsWith('-') ? `: did you mean ${near}?` : `: did you mean "${near}"?`;
  return `elt: ${what}${mean} (elt --help lists the commands)`;
}

/**
 * Every setting the command needs (its meta's `needs`), checked before it
 * runs, so that every missing or malformed one is named in one message.
 */
function checkSettings(command: CommandDef<any>, rawArgs: string[]): void {
  const meta = typeof command.meta === 'object' && !(command.meta instanceof Promise) ? command.meta : undefined;
  const needs = meta?.needs;
  if (needs === undefined) return;
  loadEnv(process.env, '.env', typeof needs === 'function' ? needs(parseArgs(rawArgs, (command.args ?? {}) as ArgsDef)) : needs);
}

/** Every relative path (elt.yml, .env, sql/, ELT_CONFIG) is then the project's, as if elt were started there. */
function enterProject(dir: string): void {
  try {
    process.chdir(dir);
  } catch {
    throw new UsageError(`--project-dir ${dir}: no such folder (give the folder that holds elt.yml and sql/)`);
  }
}
