/** Resolves the streams to extract: the built-in catalog, then the project config's additions and overrides. */
import { nearestNames } from '../util/nearest-names.ts';
import type { Domain } from '../odoo/domain.ts';
import { BUILTIN_STREAMS } from './catalog.ts';
import { ProjectConfigError, type ProjectConfig } from './project-config.ts';

export interface Stream {
  /** The stream's name: its Odoo model, e.g. `pos.order`. */
  readonly name: string;
  readonly model: string;
  /** Built-in streams absent from the instance are skipped with a warning; configured ones fail. */
  readonly builtin: boolean;
  readonly domain: Domain;
  readonly excludeFields: readonly string[];
  readonly includeFields: readonly string[];
  /** Fields landed as keyed hashes (elt.yml hash_fields); none for a built-in stream unless elt.yml says so. */
  readonly hashFields: readonly string[];
}

/** Every stream name a model's `source()` may read: built-in or configured, enabled or not (a disabled stream's raw table may still be there). */
export function streamNames(config: ProjectConfig): string[] {
  return [...new Set([...BUILTIN_STREAMS.map((s) => s.model), ...config.streams.keys()])].sort();
}

/** Every enabled stream, or those `selected` names; an unknown name is an error that suggests near ones. */
export function resolveStreams(config: ProjectConfig, selected?: readonly string[]): Stream[] {
  const all = new Map<string, Stream>();
  for (const { model, includeFields = [] } of BUILTIN_STREAMS) {
    all.set(model, { name: model, model, builtin: true, domain: [], excludeFields: [], includeFields, hashFields: [] });
  }
  for (const [model, o] of config.streams) {
    if (!o.enabled) {
      all.delete(model);
      continue;
    }
    const base = all.get(model);
    const includeFields = [...new Set([...(base?.includeFields ?? []), ...o.includeFields])].filter((f) => !o.excludeFields.includes(f));
    all.set(model, { name: model, model, builtin: base !== undefined, domain: o.domain, excludeFields: o.excludeFields, includeFields, hashFields: o.hashFields });
  }
  if (!selected || selected.length === 0) return [...all.values()];
  return selected.map((name) => {
    const stream = all.get(name);
    if (!stream) {
      const near = nearestNames(name, [...all.keys()]);
      throw new ProjectConfigError(`unknown stream "${name}"${near.length ? `: did you mean ${near.join(', ')}?` : ''} (streams are Odoo model names; add new ones under streams: in elt.yml)`);
    }
    return stream;
  });
}
