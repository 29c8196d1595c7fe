/**
 * `elt docs` end to end: elt run and elt test against the simulator and a
 * real PostgreSQL, then elt docs, then the site served by `--serve`'s
 * server and driven in a real headless Chromium (Debian's /usr/bin/chromium
 * through playwright-core): search, a model's page with its columns, tests
 * and lineage, the overview graph fitting the window. Screenshots go to
 * test-results/. Without Chromium the browser test is skipped, unless
 * ELT_TEST_BROWSER=required (CI), when it fails.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type SiteServer } from '../../src/docs/serve.ts';
import type { DocsManifest } from '../../src/docs/manifest.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { projectDir, runCliInProcess, type EnvOverrides } from '../support/cli.ts';
import { freshDatabase } from '../support/database.ts';
import { SIM_NOW, simTime } from '../support/odoo.ts';

const CHROMIUM = '/usr/bin/chromium';
const BROWSER_REQUIRED = process.env.ELT_TEST_BROWSER === 'required';
const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const PASSWORD = 'Docs-Secret-Pass';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
/** Run in the page (this file is compiled without the DOM's types): the box around every graph node, and the graph's own. */
const BOUNDS = `(() => {
  const boxes = [...document.querySelectorAll('#lineage .node')].map((n) => n.getBoundingClientRect());
  const svg = document.getElementById('lineage').getBoundingClientRect();
  return {
    left: Math.min(...boxes.map((b) => b.left)), top: Math.min(...boxes.map((b) => b.top)),
    right: Math.max(...boxes.map((b) => b.right)), bottom: Math.max(...boxes.map((b) => b.bottom)),
    svg: { left: svg.left, top: svg.top, right: svg.right, bottom: svg.bottom },
  };
})()`;

// A model of the user's own on top of the default warehouse; its description holds markup, which the page must show as text.
const PAYMENTS_BY_METHOD = `-- description: Money paid per POS payment method and day, <b>not bold</b>
-- materialized: table
-- unique_key: payment_method_id, local_date
-- tests: payment_method_id not_null
select p.payment_method_id, s.local_date, sum(p.amount) as amount
from {{ ref('stg_pos_payment') }} as p
join {{ ref('fact_sales') }} as s on s.source = 'pos' and s.order_id = p.pos_order_id
group by p.payment_method_id, s.local_date
`;

let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let dir: string;
let server: SiteServer | undefined;
let browser: Browser | undefined;

const env = (): EnvOverrides => ({ ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'elt', ODOO_PASSWORD: PASSWORD, DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
const elt = (args: string[]) => runCliInProcess(args, env(), dir);

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.1, seed: 13, users: [{ login: 'elt', password: PASSWORD }] });
  sim.clock.set(simTime(3_600_000));
  db = await freshDatabase();
  dir = projectDir({ 'elt.yml': '# the default warehouse, and one model of our own\n', 'sql/payments_by_method.sql': PAYMENTS_BY_METHOD });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.drop();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('elt docs', () => {
  it('after elt run and elt test, writes the site with columns from the warehouse, test results and freshness', async () => {
    const run = await elt(['run']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const test = await elt(['test']);
    expect(test.code, test.stdout + test.stderr).toBeLessThanOrEqual(1);
    const docs = await elt(['docs']);
    expect(docs).toEqual({ code: 0, stderr: '', stdout: 'wrote target/docs/index.html: 33 models, 41 streams, 41 staging views, 2 seeds, 117 tests\n' });
    expect(readFileSync(join(dir, 'target/docs/index.html'), 'utf8')).toMatch(/^<!doctype html>/);

    const manifest = JSON.parse(readFileSync(join(dir, 'target/docs/manifest.json'), 'utf8')) as DocsManifest;
    expect(manifest.warehouse.read).toBe(true);
    const sales = manifest.nodes.find((n) => n.id === 'model/fact_sales')!;
    expect(sales.columns?.find((c) => c.name === 'amount_total')?.type).toMatch(/^numeric/);
    expect(sales.rows).toBeGreaterThan(0);
    expect(sales.run).toMatchObject({ status: 'success' });
    expect(sales.tests.find((t) => t.name === 'fact_sales.order_id not_null')).toMatchObject({ status: 'pass', failures: 0 });
    expect(sales.tests.map((t) => t.name)).toContain('pos_order_totals');
    expect(sales.sqlNote).toMatch(/from the watermarks/);
    const order = manifest.nodes.find((n) => n.id === 'stream/pos.order')!;
    expect(order.stream?.cursor).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(order.rows).toBeGreaterThan(0);
    expect(manifest.nodes.find((n) => n.id === 'staging/stg_pos_order')!.columns!.map((c) => c.name)).toContain('amount_total');
  }, 240_000);

  it('the site in a real browser: search, a model page with columns, tests and lineage, an overview that fits the window', async (ctx) => {
    if (!existsSync(CHROMIUM)) {
      if (BROWSER_REQUIRED) throw new Error(`ELT_TEST_BROWSER=required but ${CHROMIUM} is missing: install Debian's chromium package`);
      console.warn(`skipping the browser test: no ${CHROMIUM} (apt-get install chromium, or set ELT_TEST_BROWSER=required to make this a failure)`);
      ctx.skip();
    }
    expect(existsSync(join(dir, 'target/docs/index.html')), 'the previous test builds the site').toBe(true);
    server = await serveSite(join(dir, 'target/docs'), { port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('request', (r) => void (r.url().startsWith(server!.url) || r.url().startsWith('data:') || errors.push(`request outside the site: ${r.url()}`)));
    mkdirSync(RESULTS, { recursive: true });

    await page.goto(server.url);
    await page.waitForSelector('#lineage .node');
    expect(await page.locator('#lineage .node').count()).toBeGreaterThanOrEqual(60);
    // Fit on load: every node inside the window, and the graph's box too.
    const bounds = await page.evaluate<Box & { svg: Box }>(BOUNDS);
    for (const box of [bounds, bounds.svg]) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(1400);
      expect(box.bottom).toBeLessThanOrEqual(900);
    }
    // Left to right: the streams' column before staging, staging before the facts, the facts before the user's model.
    const x = (id: string) => page.locator(`#lineage .node[data-id="${id}"]`).boundingBox().then((b) => b!.x);
    expect(await x('stream/pos.order')).toBeLessThan(await x('staging/stg_pos_order'));
    expect(await x('staging/stg_pos_order')).toBeLessThan(await x('model/dim_customers'));
    expect(await x('model/dim_customers')).toBeLessThan(await x('model/fact_sales'));
    expect(await x('model/fact_sales')).toBeLessThan(await x('model/payments_by_method'));
    await page.screenshot({ path: join(RESULTS, 'docs-overview.png') });

    // Zoom in with the + button: the view narrows.
    const width = async () => Number((await page.locator('#lineage').getAttribute('viewBox'))!.split(' ')[2]);
    const before = await width();
    await page.getByRole('button', { name: 'zoom in' }).click();
    expect(await width()).toBeLessThan(before);
    await page.getByRole('button', { name: 'Fit' }).click();
    expect(await width()).toBe(before);

    // Search: the matching nodes light up, Enter opens the best match.
    await page.locator('#search').fill('fact_sales');
    const matched = page.locator('#lineage .node.match');
    expect(await Promise.all((await matched.all()).map((m) => m.getAttribute('data-id')))).toEqual(['model/fact_sales', 'model/fact_sales_lines']);
    expect(await page.locator('#results li').first().textContent()).toBe('fact_sales');
    await page.locator('#search').press('Enter');
    await page.waitForURL(/#\/model\/fact_sales$/);
    await expect.poll(() => page.locator('.page h1').textContent()).toBe('fact_sales');

    expect(await page.locator('tr[data-column="amount_total"] td.type').textContent()).toMatch(/^numeric/);
    expect(await page.locator('tr[data-column="order_id"] .badge.test').allTextContents()).toContain('not_null');
    expect(await page.locator('tr[data-test="fact_sales.order_id not_null"] .badge').textContent()).toBe('pass');
    expect(await page.locator('tr[data-test="pos_order_totals"]').count()).toBe(1);
    for (const id of ['staging/stg_pos_order', 'model/dim_customers', 'seed/seed_sale_channel_rules', 'model/payments_by_method']) {
      expect(await page.locator(`.neighbourhood .node[data-id="${id}"]`).count(), id).toBe(1);
    }
    expect(await page.locator('pre.sql').first().textContent()).toContain('from "stg_pos_order" as o');
    await page.screenshot({ path: join(RESULTS, 'docs-fact_sales.png') });

    // A node of the neighbourhood opens its page; markup in a description stays text.
    await page.locator('.neighbourhood .node[data-id="model/payments_by_method"]').click();
    await expect.poll(() => page.locator('.page h1').textContent()).toBe('payments_by_method');
    expect(await page.locator('.page .description').textContent()).toBe('Money paid per POS payment method and day, <b>not bold</b>');
    expect(await page.locator('#main b').count()).toBe(0);
    await page.goto(`${server.url}#/stream/pos.order`);
    await expect.poll(() => page.locator('.page .description').textContent()).toBe('Odoo model pos.order landed as raw_pos_order.');
    expect(errors).toEqual([]);
  }, 120_000);
});
