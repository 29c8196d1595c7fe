import { describe, expect, it } from 'vitest';
import { planDemoProject } from '../../src/demo/demo-project.ts';
import { projectDir as project } from '../support/cli.ts';

const simulated = new Set(['pos.order', 'pos.payment.method', 'res.partner']);

describe('planDemoProject', () => {
  it("uses the project's elt.yml and leaves out the streams the simulated Odoo lacks, with the models that read them", () => {
    const dir = project({
      'elt.yml': "vars:\n  region: north\nstreams:\n  x_store_region: {}\n  pos.payment.method: {domain: [['active', '=', true]]}\n  x_gone.model: false\n",
      'sql/marts/regions.sql': "-- materialized: table\nselect r.id from {{ source('x_store_region') }} as r",
      'sql/marts/by_region.sql': "-- materialized: table\nselect id from {{ ref('regions') }}",
      'sql/marts/orders.sql': "-- materialized: table\nselect o.id from {{ source('pos.order') }} as o",
    });
    const plan = planDemoProject(dir, (model) => simulated.has(model));
    expect(plan.missingStreams).toEqual(['x_store_region']);
    expect(plan.leftOut).toEqual(['regions']);
    expect(plan.exclude).toEqual(['regions+']);
    expect(plan.config.vars).toEqual({ region: 'north' });
    expect(plan.config.streams.get('x_store_region')?.enabled).toBe(false);
    expect(plan.config.streams.get('pos.payment.method')).toMatchObject({ enabled: true, domain: [['active', '=', true]] });
  });

  it('without an elt.yml: the defaults, nothing left out', () => {
    const plan = planDemoProject(project({ 'sql/marts/orders.sql': "-- materialized: table\nselect o.id from {{ source('pos.order') }} as o" }), () => true);
    expect(plan).toMatchObject({ missingStreams: [], leftOut: [], exclude: [] });
    expect(plan.config.file).toBeNull();
  });
});
