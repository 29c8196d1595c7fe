/**
 * pino on stderr (stdout carries the command's own output): JSON lines by
 * default, readable lines when stderr is a terminal. Known secret values are
 * masked in every serialized line (message and fields) as a last line of defence.
 */
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { maskSecrets } from './secrets.ts';

export type { Logger };

/** Where readable (terminal) lines go: stderr, or a progress display drawing there (divertTerminalLog). */
let terminalWrite: (text: string) => void = (text) => void process.stderr.write(text);

/** Sends the terminal's log lines through `write` (a progress display printing them above its bars); null restores stderr. */
export function divertTerminalLog(write: ((text: string) => void) | null): void {
  terminalWrite = write ?? ((text) => void process.stderr.write(text));
}

export function createLogger(
  level: string,
  secrets: readonly string[] = [],
  pretty_ = process.stderr.isTTY,
  /** Where lines go; default stderr (tests pass a collector). */
  destination?: { write(line: string): unknown },
): Logger {
  const masked = secrets.filter((s) => s.length >= 4);
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: { paths: ['password', 'secret', 'apiKey', '*.password', '*.secret', '*.apiKey'], censor: '[redacted]' },
  };
  const target = pretty_
    ? pretty({ destination: new Writable({ write: (chunk: Buffer, _encoding, done) => done(void terminalWrite(chunk.toString())) }), sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' })
    : (destination ?? pino.destination({ dest: 2, sync: true }));
  // Masking the serialized line covers the message and every field, however nested.
  return pino(options, masked.length ? { write: (line: string) => target.write(maskSecrets(line, masked)) } : target);
}
