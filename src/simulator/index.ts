/**
 * `odoo-elt/simulator`: a fake Odoo 17 or 19 server with generated retail
 * data (POS, stock, sales, accounting...), speaking XML-RPC, JSON-RPC and
 * JSON-2 as the real one does, for testing a script or a pipeline without an
 * Odoo. `elt demo` runs on it. Not part of the main entry: import it only
 * where you test.
 */
export { startSimulator, type Simulator, type SimulatorOptions } from './server.ts';
