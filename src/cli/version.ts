/** The tool's version: `elt --version`, the help header and run_results.json's metadata. */
export const VERSION = '0.1.0';
