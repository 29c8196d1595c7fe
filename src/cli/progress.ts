/**
 * Picks the progress display for a command: live bars on a terminal,
 * periodic log lines on a pipe or in CI (where redrawn lines would only
 * clutter the log).
 */
import type { ExtractProgress } from '../extract/progress.ts';
import type { TransformProgress } from '../transform/progress.ts';
import { ProgressLog, type ProgressLogger } from './progress-log.ts';
import { TerminalProgress } from './progress-tty.ts';

export interface ProgressDisplay extends ExtractProgress, TransformProgress {
  /** Ends the display: bars cleared, timers stopped. Call it in a finally. */
  close(): void;
}

export function startProgress(log: ProgressLogger, stderr: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): ProgressDisplay {
  const live = stderr.isTTY === true && !env.CI;
  return live ? new TerminalProgress(log, stderr) : new ProgressLog(log).start();
}
