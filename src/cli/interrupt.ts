/**
 * Ctrl-C (SIGINT) or a TERM, answered with one line on stderr: what the
 * command was doing and that the next run resumes, e.g.
 *
 *   elt run: interrupted while extracting pos.order, pos.order.line (12 of 31 streams done): what was written is kept whole and the next elt run resumes from there
 *
 * then exit 130 (SIGINT) or 143 (SIGTERM) at once. Ending the process is what
 * `kill -9` does, which test/cli/kill.int.test.ts checks at random moments:
 * PostgreSQL rolls back every open transaction and frees the warehouse lock
 * with the connections, so nothing is half-written and the next run resumes.
 *
 * What is running comes from a small registry the steps feed (steps.ts): the
 * step, and for extract and transform the streams and models started and
 * ended, seen through the progress display they already drive.
 */
import type { ProgressDisplay } from './progress.ts';
import { maskSecrets, secretValues } from './secrets.ts';

type Step =
  | { readonly kind: 'migrate' | 'seed' }
  | { readonly kind: 'extract'; readonly total: number; readonly running: Set<string>; readonly done: Set<string> }
  | { readonly kind: 'transform'; total: number; readonly running: Set<string>; done: number };

let command: string | undefined;
let step: Step | null = null;
/** Progress displays drawing now: closed before the line, so the terminal is left clean. */
const displays = new Set<ProgressDisplay>();
let stopping = false;

/** The command this process runs (`run`, `extract`...), as the CLI named it; undefined outside a command. */
export function runningCommand(): string | undefined {
  return command;
}

/**
 * Runs the CLI's command `name` with the handler in place: Ctrl-C or a TERM
 * meanwhile prints the line and exits. Not for `elt demo`, which waits for
 * Ctrl-C itself and stops its embedded PostgreSQL then, nor `elt docs`, whose
 * --serve ends on Ctrl-C as a server should (exit 0) and which writes no table. The handler goes
 * when the command ends (a test running commands in its own process keeps
 * its signals).
 */
export async function interruptible<T>(name: string, fn: () => Promise<T>): Promise<T> {
  command = name;
  step = null;
  displays.clear();
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  if (name !== 'demo' && name !== 'docs') {
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  }
  try {
    return await fn();
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    command = undefined;
    step = null;
  }
}

/** A step that writes to the warehouse begins: migrate, seed (extract and transform: trackExtract, trackTransform). */
export function beginStep(kind: 'migrate' | 'seed'): void {
  step = { kind };
}

/** The extract of `streams` streams begins, drawn on `display`: returns the display to hand to the extract. */
export function trackExtract(display: ProgressDisplay, streams: number): ProgressDisplay {
  const current = { kind: 'extract', total: streams, running: new Set<string>(), done: new Set<string>() } as const;
  step = current;
  return track(display, {
    // Running from its start: its pass's size comes only with its first page.
    onStreamStart(stream) {
      current.running.add(stream);
      display.onStreamStart?.(stream);
    },
    onPassStart(stream, total, countError) {
      current.running.add(stream);
      display.onPassStart(stream, total, countError);
    },
    onStreamEnd(stream, status) {
      current.running.delete(stream);
      current.done.add(stream);
      display.onStreamEnd(stream, status);
    },
  });
}

/** The transform begins, drawn on `display`: returns the display to hand to the transform. */
export function trackTransform(display: ProgressDisplay): ProgressDisplay {
  const current: Step = { kind: 'transform', total: 0, running: new Set<string>(), done: 0 };
  step = current;
  return track(display, {
    onModelStart(model, index, count) {
      current.total = count;
      current.running.add(model);
      display.onModelStart(model, index, count);
    },
    onModelEnd(model, status) {
      if (current.running.delete(model)) current.done++;
      display.onModelEnd(model, status);
    },
  });
}

/** `display` as it is, but for the calls in `overrides` (which call it themselves) and a close that unregisters it. */
function track(display: ProgressDisplay, overrides: Partial<ProgressDisplay>): ProgressDisplay {
  displays.add(display);
  const own: Partial<ProgressDisplay> = {
    ...overrides,
    close() {
      displays.delete(display);
      display.close();
    },
  };
  // A proxy, so every other member of the display (whatever it grows) passes through, bound to it.
  return new Proxy(display, {
    get(target, key) {
      if (Object.hasOwn(own, key)) return own[key as keyof ProgressDisplay];
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The one line: `elt <command>: interrupted while ...: what was written is kept whole and the next elt <command> resumes from there`. */
export function interruptLine(signal: 'SIGINT' | 'SIGTERM'): string {
  const head = `elt ${command ?? ''}`.trimEnd();
  const verb = signal === 'SIGINT' ? 'interrupted' : 'stopped by SIGTERM';
  // Before a writing step began (startup, checks, planning) nothing was written.
  if (!step) return `${head}: ${verb}`;
  return `${head}: ${verb} ${doing(step)}: what was written is kept whole and the next ${head} resumes from there`;
}

function doing(current: Step): string {
  switch (current.kind) {
    case 'migrate':
      return 'while migrating the warehouse';
    case 'seed':
      return 'while loading the seeds';
    case 'extract': {
      const what = current.running.size ? `while extracting ${names(current.running)}` : current.done.size ? 'while finishing the extract' : 'while starting the extract';
      return `${what} (${current.done.size} of ${current.total} streams done)`;
    }
    case 'transform': {
      const what = current.running.size ? `while building ${names(current.running)}` : current.done ? 'while finishing the transform' : 'while starting the transform';
      return current.total ? `${what} (${current.done} of ${current.total} models done)` : what;
    }
  }
}

/** `a, b, c`, or the first four and how many more. */
function names(set: ReadonlySet<string>): string {
  const all = [...set];
  return all.length > 4 ? `${all.slice(0, 4).join(', ')} and ${all.length - 4} more` : all.join(', ');
}

function onSignal(signal: 'SIGINT' | 'SIGTERM'): void {
  const code = signal === 'SIGINT' ? 130 : 143;
  if (stopping) process.exit(code); // a second Ctrl-C: at once, no more words
  stopping = true;
  try {
    for (const display of displays) {
      try {
        display.close(); // bars cleared, the terminal as it was
      } catch {
        // the line still comes
      }
    }
    // Names of commands, steps, streams and models only; masking is the last line of defence.
    process.stderr.write(`${maskSecrets(interruptLine(signal), secretValues())}\n`);
  } finally {
    process.exit(code);
  }
}
