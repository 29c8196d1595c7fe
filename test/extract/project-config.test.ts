import { describe, expect, it } from 'vitest';
import { parseProjectConfig, ProjectConfigError } from '../../src/extract/project-config.ts';
import { resolveStreams } from '../../src/extract/streams.ts';
import { BUILTIN_STREAMS } from '../../src/extract/catalog.ts';

function error(raw: unknown): string {
  try {
    parseProjectConfig(raw, 'elt.yml');
  } catch (e) {
    expect(e).toBeInstanceOf(ProjectConfigError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('project config', () => {
  it('defaults: 10 minutes lookback, pages of 1000, 4 streams at once, the whole catalog', () => {
    const config = parseProjectConfig({}, null);
    expect(config.extract).toEqual({ lookbackMinutes: 10, clockSkewSeconds: 60, pageSize: 1000, concurrency: 4, odooRequests: 4, displayNames: false });
    expect(config.transform).toEqual({ threads: 4 });
    expect(parseProjectConfig({ transform: { threads: 2 } }, null).transform).toEqual({ threads: 2 });
    expect(error({ transform: { thread: 2 } })).toBe('elt.yml: transform: unknown key "thread": did you mean threads? (expected one of threads)');
    expect(resolveStreams(config).map((s) => s.name)).toEqual(BUILTIN_STREAMS.map((s) => s.model));
  });

  it('adds custom streams, overrides built-in ones and turns them off', () => {
    const config = parseProjectConfig(
      {
        streams: {
          'x_store.region': {},
          'res.partner': { domain: [['type', '!=', 'private']], exclude_fields: ['x_secret'] },
          'pos.promotion': false,
          'product.brand': { enabled: false },
        },
      },
      'elt.yml',
    );
    const streams = resolveStreams(config);
    const names = streams.map((s) => s.name);
    expect(names).toContain('x_store.region');
    expect(names).not.toContain('pos.promotion');
    expect(names).not.toContain('product.brand');
    expect(streams.find((s) => s.name === 'x_store.region')!.builtin).toBe(false);
    const partner = streams.find((s) => s.name === 'res.partner')!;
    expect(partner).toMatchObject({ builtin: true, domain: [['type', '!=', 'private']], excludeFields: ['x_secret'] });
  });

  it.each([
    [{ extract: { page_size: 0 } }, 'elt.yml: extract.page_size: Too small: expected number to be >=1'],
    [{ extract: { pagesize: 10 } }, 'elt.yml: extract: unknown key "pagesize": did you mean page_size? (expected one of lookback_minutes, clock_skew_seconds, page_size, concurrency, odoo_requests, display_names)'],
    [{ streams: { 'res.partner': { exclude: ['x'] } } }, 'elt.yml: streams.res.partner: unknown key "exclude": did you mean exclude_fields? (expected one of enabled, domain, exclude_fields, include_fields, hash_fields)'],
    [{ streams: { 'x; drop table y': {} } }, 'elt.yml: streams.x; drop table y: not an Odoo model name (lowercase words joined by dots, like product.brand)'],
    [{ streams: { 'res.partner': { exclude_fields: ['Bad Field'] } } }, 'elt.yml: streams.res.partner.exclude_fields.0: must be a field name such as x_brand_id'],
  ])('rejects %o in one line', (raw, expected) => {
    expect(error(raw)).toBe(expected);
  });

  it('models: turns models off by name (false or enabled: false); default_models: false leaves the shipped ones out', () => {
    expect(parseProjectConfig({}, null)).toMatchObject({ disabledModels: [], defaultModels: true });
    const config = parseProjectConfig({ default_models: false, models: { fact_stock: false, dim_brands: { enabled: false }, dim_products: true, dim_users: { enabled: true } } }, 'elt.yml');
    expect(config).toMatchObject({ disabledModels: ['fact_stock', 'dim_brands'], defaultModels: false });
    expect(error({ models: { fact_stock: 'off' } })).toBe('elt.yml: models.fact_stock: expected false (turn the model off), true, or { enabled: false }');
    expect(error({ models: { 'Fact-Stock': false } })).toBe('elt.yml: models.Fact-Stock: must be a model name (its file name without .sql)');
    expect(error({ model: { fact_stock: false } })).toBe(
      'elt.yml: (top level): unknown key "model": did you mean models? (expected one of extract, transform, streams, vars, default_models, models)',
    );
  });

  it('rejects an invalid domain naming the stream', () => {
    expect(error({ streams: { 'res.partner': { domain: [['name', 'resembles', 'x']] } } })).toMatch(/^elt\.yml: streams\.res\.partner\.domain.*resembles/);
  });

  it('an unknown --streams name suggests the nearest', () => {
    expect(() => resolveStreams(parseProjectConfig({}, null), ['pos.ordr'])).toThrow(
      'unknown stream "pos.ordr": did you mean pos.order?',
    );
  });
});
