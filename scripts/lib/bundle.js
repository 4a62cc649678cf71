import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';

/** Gzip size at level 9, as the bench reports it. */
export const gzipSize = (code) => gzipSync(code, { level: 9 }).length;

/**
 * Bundles one module as an application would (the resolve conditions of vite.config.ts, the
 * package's `sideEffects` honoured, minified) without writing anything. Returns the code loaded
 * up front (the entry and its static imports), the lazily imported chunks, and the rendered
 * (pre-minify) length of each module in the up-front code.
 * @param {string} root the repository root
 * @param {string} entry absolute path of the module
 */
export async function bundleAlone(root, entry) {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    resolve: { conditions: [...defaultClientConditions, 'es2015'] },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      outDir: join(root, 'node_modules', '.cache', 'ect-bench'),
      lib: { entry, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { output: { minify: true, comments: false } },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const initial = new Set();
  const visit = (chunk) => {
    if (initial.has(chunk)) return;
    initial.add(chunk);
    for (const name of chunk.imports) if (chunks.has(name)) visit(chunks.get(name));
  };
  visit([...chunks.values()].find((chunk) => chunk.isEntry));
  const modules = {};
  for (const chunk of initial) {
    for (const [id, info] of Object.entries(chunk.modules)) modules[id] = info.renderedLength;
  }
  return {
    initial: Buffer.from([...initial].map((chunk) => chunk.code).join('\n')),
    lazy: [...chunks.values()].filter((chunk) => !initial.has(chunk)),
    modules,
  };
}

/**
 * An element's own code: its modules minified with the shared code (Lit, rxjs, the shared layers unless
 * `own` says otherwise) left external, about what the element adds to dist/ect-widgets.js. The
 * class and its lazily loaded chunks (its view) each count, without their import statements.
 * @param {string} root the repository root
 * @param {string} entry path of the element's module, relative to the root
 * @param {(id: string) => boolean} own which modules are the element's
 * @returns {Promise<number>} gzip bytes
 */
export async function ownCodeSize(root, entry, own) {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    resolve: { conditions: [...defaultClientConditions, 'es2015'] },
    build: {
      write: false,
      lib: { entry: join(root, entry), formats: ['es'] },
      rolldownOptions: {
        external: (id, importer) => Boolean(importer) && !own(id) && !id.startsWith('.'),
        output: { minify: true, comments: false },
      },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  const code = output
    .filter((chunk) => chunk.type === 'chunk')
    .map((chunk) => chunk.code.replace(/^(?:import[^;]*;)+/, ''))
    .join('\n');
  return gzipSize(code);
}
