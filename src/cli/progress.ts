/**
 * Picks the progress display for a command, as output.ts decided: live
 * bars on a terminal, periodic log lines on a pipe or in CI (where redrawn
 * lines would only clutter the log).
 */
import type { ExtractProgress } from '../extract/progress.ts';
import type { TransformProgress } from '../transform/progress.ts';
import { ProgressLog, type ProgressLogger } from './progress-log.ts';
import { TerminalProgress } from './progress-tty.ts';

export interface ProgressDisplay extends ExtractProgress, TransformProgress {
  /** Ends the display: bars cleared, timers stopped. Call it in a finally. */
  close(): void;
}

/** `live`: Output.live (bars); `stderr` is where they are drawn. */
export function startProgress(log: ProgressLogger, live: boolean, stderr: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  return live ? new TerminalProgress(log, stderr) : new ProgressLog(log).start();
}
