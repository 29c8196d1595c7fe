/**
 * Answers that do not change while a client lives (a model's fields, the
 * user's time zone), asked once per client and key however often they are
 * needed: the extract's planning and the model helpers both ask so.
 */
import type { OdooClient } from './client.ts';

const asked = new WeakMap<OdooClient, Map<string, Promise<unknown>>>();

/** `ask()`'s answer, asked once per client and key (a failed ask is asked again, not kept). */
export function oncePerClient<T>(odoo: OdooClient, key: string, ask: () => Promise<T>): Promise<T> {
  let answers = asked.get(odoo);
  if (!answers) asked.set(odoo, (answers = new Map()));
  const known = answers.get(key);
  if (known) return known as Promise<T>;
  const pending = ask();
  answers.set(key, pending);
  pending.catch(() => {
    if (answers.get(key) === pending) answers.delete(key);
  });
  return pending;
}
