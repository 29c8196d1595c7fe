import { inspect } from 'node:util';
import { expect } from 'vitest';
import type { OdooError } from '../../src/odoo/errors.ts';

/**
 * The error `promise` rejects with; resolving fails the test. Given the
 * call's secret, also checks that the error shows it nowhere (message,
 * cause, stack, hidden members).
 */
export async function failure(promise: Promise<unknown>, secret?: string): Promise<OdooError> {
  try {
    await promise;
  } catch (error) {
    if (secret !== undefined) {
      expect(inspect(error, { depth: Infinity, showHidden: true })).not.toContain(secret);
      expect(String((error as Error).stack)).not.toContain(secret);
    }
    return error as OdooError;
  }
  throw new Error('expected the call to fail');
}
