/**
 * `node bin/elt.mjs` as a child process a test can watch line by line and
 * kill: each stderr line (elt's JSON logs) is kept with the moment it arrived,
 * so a test can act when the run reaches a point, or time a clean run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { machineEnv } from './machine-env.ts';

const bin = fileURLToPath(new URL('../../bin/elt.mjs', import.meta.url));
/** The repository: elt runs from the project folder (the one holding sql/). */
export const repoDir = fileURLToPath(new URL('../..', import.meta.url));

export interface Line {
  /** Milliseconds since the spawn. */
  readonly at: number;
  readonly text: string;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Milliseconds from the spawn to the exit. */
  readonly ms: number;
}

export interface EltProcess {
  readonly child: ChildProcess;
  /** stderr lines so far. */
  readonly lines: Line[];
  /** Resolves with the first stderr line matching `pattern` (or null if the process exits first). */
  waitForLine(pattern: RegExp): Promise<Line | null>;
  /** Milliseconds since the spawn. */
  elapsed(): number;
  readonly exited: Promise<Exit>;
}

/** Spawns `elt args` with only the machine's variables (machine-env.ts) and `env`, in the repository. */
export function startElt(args: readonly string[], env: Record<string, string>): EltProcess {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const child = spawn(process.execPath, [bin, ...args], { env: { ...machineEnv(), ...env }, cwd: repoDir });
  const lines: Line[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: Line | null) => void }> = [];
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const text of parts) {
      const line = { at: elapsed(), text };
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (!waiter.pattern.test(text)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const exited = new Promise<Exit>((resolve) => {
    child.on('close', (code, signal) => {
      for (const waiter of waiters.splice(0)) waiter.resolve(null);
      resolve({ code, signal, stdout, stderr, ms: elapsed() });
    });
  });
  return {
    child,
    lines,
    elapsed,
    exited,
    waitForLine(pattern) {
      const seen = lines.find((l) => pattern.test(l.text));
      if (seen) return Promise.resolve(seen);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(null);
      return new Promise((resolve) => waiters.push({ pattern, resolve }));
    },
  };
}

/** Runs `elt args` to its end. */
export function runElt(args: readonly string[], env: Record<string, string>): Promise<Exit> {
  return startElt(args, env).exited;
}
