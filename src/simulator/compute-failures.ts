/**
 * Computed fields that raise for given records, as a buggy custom module's
 * compute does: Odoo computes a field for the whole recordset being read,
 * so reading the field for a page holding one such record fails the whole
 * call with fault 1 (a traceback whose last line is `Type: message`), while
 * a read without that field, or of other records, works.
 */
import { pythonError } from './faults.ts';

export interface ComputeFailure {
  readonly model: string;
  readonly id: number;
  readonly field: string;
  /** Python exception type, default ZeroDivisionError. */
  readonly type?: string;
  readonly message?: string;
}

export class ComputeFailures {
  readonly #byModel = new Map<string, Map<number, ComputeFailure>>();

  /** Returns the fix: after it, the record reads again. */
  add(failure: ComputeFailure): () => void {
    let byId = this.#byModel.get(failure.model);
    if (!byId) this.#byModel.set(failure.model, (byId = new Map()));
    byId.set(failure.id, failure);
    return () => void byId.delete(failure.id);
  }

  /** Throws Odoo's fault if reading `fields` of these records runs a failing compute. */
  check(model: string, ids: Iterable<number>, fields: readonly string[]): void {
    const byId = this.#byModel.get(model);
    if (!byId) return;
    for (const id of ids) {
      const failure = byId.get(id);
      if (failure && fields.includes(failure.field)) {
        throw pythonError(failure.type ?? 'ZeroDivisionError', failure.message ?? 'float division by zero');
      }
    }
  }
}
