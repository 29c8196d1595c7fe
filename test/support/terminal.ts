/**
 * Runs the real `elt` binary on a pseudo-terminal of a given size (util-linux
 * `script`, on every Debian) and replays what it drew through a headless
 * xterm, so a test asserts the screen a person would see: redrawn bars,
 * cleared lines and wrapping included.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import xterm from '@xterm/headless';
import { machineEnv } from './machine-env.ts';

const bin = resolve(import.meta.dirname, '../../bin/elt.mjs');

export interface TerminalRun {
  readonly code: number;
  /** Every row the terminal holds at the end, scrollback first, trailing blank rows dropped. */
  readonly rows: readonly string[];
  /** The same with each line the terminal wrapped joined back into one. */
  readonly lines: readonly string[];
  /** What the program wrote, escape sequences and all. */
  readonly raw: string;
}

export async function runInTerminal(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined>; cols?: number; rows?: number }): Promise<TerminalRun> {
  const cols = options.cols ?? 80;
  const rows = options.rows ?? 60;
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
  const env = Object.fromEntries(Object.entries({ ...machineEnv(), ...options.env, TERM: 'xterm-256color' }).filter(([, v]) => v !== undefined)) as Record<string, string>;
  delete env.CI; // CI=true would turn the bars off, as it should for a real CI log
  const { code, raw } = await new Promise<{ code: number; raw: string }>((done) => {
    execFile('script', ['-q', '-e', '-c', `stty cols ${cols} rows ${rows}; exec ${quoted}`, '/dev/null'], { cwd: options.cwd, env, maxBuffer: 64 * 1024 * 1024 }, (failure, stdout) => {
      done({ code: failure ? (typeof failure.code === 'number' ? failure.code : 1) : 0, raw: stdout });
    });
  });
  const term = new xterm.Terminal({ cols, rows, scrollback: 10_000, allowProposedApi: true, convertEol: false });
  await new Promise<void>((written) => term.write(raw, written));
  const buffer = term.buffer.active;
  const screen: string[] = [];
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i);
    const text = line?.translateToString(true) ?? '';
    screen.push(text);
    if (line?.isWrapped && lines.length) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  while (screen.length && screen.at(-1) === '') screen.pop();
  while (lines.length && lines.at(-1) === '') lines.pop();
  term.dispose();
  return { code, rows: screen, lines, raw };
}
