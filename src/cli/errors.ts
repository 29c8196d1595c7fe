import { ProjectConfigError } from '../extract/project-config.ts';
import { ConnectionOptionsError } from '../odoo/errors.ts';
import { QueryOptionsError } from '../odoo/models/query-checks.ts';
import { ModelError } from '../transform/errors.ts';
import { SelectionError } from '../transform/selection.ts';
import { SeedError } from '../transform/seeds.ts';

/** A usage or configuration error: one line, exit 2, raised before anything is touched. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A mistake in the settings, elt.yml, a model, a selector or a seed (the CLI's
 * exit 2), or in the options of connect() or a model helper: fixed by editing,
 * not by trying again. Anything else that throws
 * (exit 1) may pass on another try: Odoo or the warehouse down, a busy lock.
 */
export function isConfigurationError(error: unknown): boolean {
  return (
    error instanceof UsageError || error instanceof ProjectConfigError || error instanceof ModelError || error instanceof SelectionError || error instanceof SeedError ||
    error instanceof ConnectionOptionsError ||
    error instanceof QueryOptionsError
  );
}
