import { createRequire } from 'node:module';
import type { SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

/**
 * SQLite compiled to WebAssembly, loaded on first use only: the module and its wasm
 * file weigh 1 MB and only the Anki commands need them. It is required at run time,
 * never bundled, so that sql.js finds its wasm file beside itself in node_modules, from
 * the sources, from dist/ and from a global install alike.
 */
export function sqlite(): Promise<SqlJsStatic> {
  if (!loading) {
    const require = createRequire(import.meta.url);
    const init = require('sql.js') as (config: { locateFile: (file: string) => string }) => Promise<SqlJsStatic>;
    const wasm = require.resolve('sql.js/dist/sql-wasm.wasm');
    loading = init({ locateFile: () => wasm });
  }
  return loading;
}
