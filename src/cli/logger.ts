/**
 * pino, masked: known secret values are masked in every serialized line
 * (message and fields) as a last line of defence. Where the lines go is
 * output.ts's decision: JSON lines on stderr off a terminal; on a terminal
 * one readable line each (through the progress display while its bars are
 * up); and the log file in every case.
 */
import { mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { mostVerbose, type Output } from './output.ts';
import { maskSecrets } from './secrets.ts';
import { firstLine } from './text.ts';

export type { Logger };

/** Past this size the log file starts over, the previous one kept as elt.log.1 (dbt rotates the same way). */
const ROTATE_BYTES = 10 * 1024 * 1024;

/** Where readable (terminal) lines go: stderr, or a progress display drawing there (divertTerminalLog). */
let terminalWrite: (text: string) => void = (text) => void process.stderr.write(text);

/** Sends the terminal's log lines through `write` (a progress display printing them above its bars); null restores stderr. */
export function divertTerminalLog(write: ((text: string) => void) | null): void {
  terminalWrite = write ?? ((text) => void process.stderr.write(text));
}

interface Sink {
  write(line: string): unknown;
}

/** One destination: JSON lines to `destination` (stderr by default), or readable lines when `pretty_`. */
export function createLogger(level: string, secrets: readonly string[] = [], pretty_ = process.stderr.isTTY, destination?: Sink): Logger {
  return pino(loggerOptions(level), masking(pretty_ ? terminalLines() : (destination ?? pino.destination({ dest: 2, sync: true })), secrets));
}

/**
 * The command's logger: stderr at output.consoleLevel, in output.live's form, and the log file.
 * `start` heads this invocation's lines in the file only (stderr has no need of it).
 */
export function createCommandLogger(output: Output, secrets: readonly string[], start?: { readonly msg: string; readonly [field: string]: unknown }): Logger {
  const file = output.logFile ? openLogFile(output.logFile.path) : null;
  if (file && 'stream' in file && start) masking(file.stream, secrets).write(`${JSON.stringify({ level: 30, time: Date.now(), ...start })}\n`);
  const console_ = masking(output.live ? terminalLines() : pino.destination({ dest: 2, sync: true }), secrets);
  const streams: pino.StreamEntry[] = [];
  // pino's multistream takes no 'silent' entry: a silent console has none.
  if (output.consoleLevel !== 'silent') streams.push({ level: output.consoleLevel as pino.Level, stream: console_ });
  if (file && 'stream' in file) streams.push({ level: output.logFile!.level as pino.Level, stream: masking(file.stream, secrets) });
  const level = file && 'stream' in file ? mostVerbose(output.consoleLevel, output.logFile!.level) : output.consoleLevel;
  const log = pino(loggerOptions(level), pino.multistream(streams));
  if (file && 'error' in file) log.warn({ file: output.logFile!.path }, `cannot write the log file ${output.logFile!.path} (${file.error}): informational lines are not kept`);
  return log;
}

function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    base: undefined,
    redact: { paths: ['password', 'secret', 'apiKey', '*.password', '*.secret', '*.apiKey'], censor: '[redacted]' },
  };
}

/** Masking the serialized line covers the message and every field, however nested. */
function masking(target: Sink, secrets: readonly string[]): Sink & { write(line: string): unknown } {
  const masked = secrets.filter((s) => s.length >= 4);
  return masked.length ? { write: (line: string) => target.write(maskSecrets(line, masked)) } : target;
}

/** `[12:32:11] WARN: message`: one line, the fields left to the log file (the message carries what a person needs). */
function terminalLines(): Sink {
  // Each line must end its row: a progress display redraws its bars from the next row on.
  const destination = new Writable({ write: (chunk: Buffer, _encoding, done) => done(void terminalWrite(chunk.toString().replace(/\n?$/, '\n'))) });
  return pretty({ destination, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', hideObject: true, singleLine: true });
}

function openLogFile(path: string): { stream: Sink } | { error: string } {
  try {
    mkdirSync(dirname(path), { recursive: true });
    if (sizeOf(path) > ROTATE_BYTES) renameSync(path, `${path}.1`);
    return { stream: pino.destination({ dest: path, sync: true, append: true }) };
  } catch (error) {
    return { error: firstLine(error) };
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
