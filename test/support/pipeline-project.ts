/** For the pipeline functions' tests: a seeded simulator, a fresh warehouse and a project folder whose .env points at it. */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { projectDir } from './cli.ts';
import { freshDatabase, type FreshDatabase } from './database.ts';
import { SIM_NOW } from './odoo.ts';

export interface PipelineProject {
  sim: Simulator;
  db: FreshDatabase;
  /** The project folder: `.env` (DATABASE_URL), elt.yml (pages of 50) and `files`. */
  dir: string;
  /** The Odoo login, for options.env (the project's .env holds only the warehouse). */
  odooEnv(): Record<string, string>;
}

/** Made before the file's tests, removed after. */
export function pipelineProject(files: Record<string, string> = {}): PipelineProject {
  const context = {} as PipelineProject;
  context.odooEnv = () => ({ ODOO_URL: context.sim.url, ODOO_DB: context.sim.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin' });
  beforeAll(async () => {
    context.sim = await startSimulator({ now: SIM_NOW, scale: 0.1, seed: 11 });
    context.db = await freshDatabase();
    context.dir = projectDir({ '.env': `DATABASE_URL=${context.db.url}\n`, 'elt.yml': 'extract:\n  page_size: 50\n', ...files });
  });
  afterAll(async () => {
    await context.db?.drop();
    await context.sim?.close();
    if (context.dir) rmSync(context.dir, { recursive: true, force: true });
  });
  return context;
}
