/**
 * The `elt` entry point: dispatches to one file per command, maps errors to
 * exit codes (0 ok, 1 a stream/model/test failed, 2 usage or configuration)
 * and prints every error as one line.
 */
import { defineCommand, runCommand, showUsage, type ArgsDef, type CommandDef } from 'citty';
import { UsageError } from './errors.ts';
import { VERSION } from './version.ts';
import { rejectUnknownFlags, takeProjectDir } from './flags.ts';
import { maskSecrets, secretValues } from './secrets.ts';
import { firstLine } from './text.ts';
import { interruptible } from './interrupt.ts';
import { ProjectConfigError } from '../extract/project-config.ts';
import { ModelError } from '../transform/errors.ts';
import { SelectionError } from '../transform/selection.ts';
import { SeedError } from '../transform/seeds.ts';

const commands: Record<string, () => Promise<CommandDef<any>>> = {
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
  verify: () => import('./commands/verify.ts').then((m) => m.verifyCommand),
  demo: () => import('./commands/demo.ts').then((m) => m.demoCommand),
  init: () => import('./commands/init.ts').then((m) => m.initCommand),
};

export const mainCommand = defineCommand({
  meta: { name: 'elt', version: VERSION, description: 'Copy an Odoo ERP into PostgreSQL and build an analytics warehouse there. Every command runs in the project folder (elt init makes one): the working folder, or --project-dir <dir>.' },
  subCommands: commands,
});

/** Runs the CLI and exits with its code. */
export async function main(argv: string[]): Promise<never> {
  process.exit(await runCli(argv));
}

export async function runCli(argv: string[]): Promise<number> {
  let args: string[];
  try {
    const { dir, rest } = takeProjectDir(argv);
    if (dir !== null) enterProject(dir);
    args = rest;
  } catch (error) {
    console.error(`elt: ${firstLine(error)}`);
    return 2;
  }
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    await showUsage(mainCommand);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(VERSION);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`elt: unknown command "${name}": run elt --help for the list of commands`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    await showUsage(command, mainCommand);
    return 0;
  }
  try {
    // citty itself accepts any flag and stray words: every command gets the strict check here.
    rejectUnknownFlags(rest, (command.args ?? {}) as ArgsDef);
    // Ctrl-C or a TERM meanwhile: one line on what stopped (interrupt.ts), exit 130 or 143.
    const { result } = await interruptible(name, () => runCommand(command, { rawArgs: rest }));
    return typeof result === 'number' ? result : 0;
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof ProjectConfigError || error instanceof ModelError || error instanceof SelectionError || error instanceof SeedError;
    const message = firstLine(error);
    // Messages never carry a secret by construction; masking is the last line of defence.
    console.error(maskSecrets(`elt ${name}: ${message}`, secretValues()));
    return usage ? 2 : 1;
  }
}

/** Every relative path (elt.yml, .env, sql/, ELT_CONFIG) is then the project's, as if elt were started there. */
function enterProject(dir: string): void {
  try {
    process.chdir(dir);
  } catch {
    throw new UsageError(`--project-dir ${dir}: no such folder (give the folder that holds elt.yml and sql/)`);
  }
}
