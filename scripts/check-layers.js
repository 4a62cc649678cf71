// `ect-widgets/feed` bundles without Lit: bundles src/feed/index.ts (everything inside, the
// lazily loaded parsers too), walks its import graph and fails when it reaches Lit or a module
// of src/element/ or an element folder. The import rules of the other layers are ESLint's
// (eslint.config.js); this checks what a bundler really pulls in, packages included.
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';
import { LIT_SPECIFIER, forbiddenFor, LAYERS } from './lib/layers.js';
import { repoRoot } from './lib/paths.js';

const entry = `${repoRoot}/src/feed/index.ts`;
const forbiddenSrc = forbiddenFor('feed', LAYERS.feed).filter((name) => name !== 'generated');
const LIT_PATH = /\/node_modules\/(?:lit|lit-html|lit-element|@lit\/[^/]+)\//;

/** Why a module id must not be in the graph, or undefined. */
function problem(id) {
  if (LIT_SPECIFIER.test(id) || LIT_PATH.test(id)) return 'Lit';
  const path = relative(repoRoot, id);
  const top = /^src\/([^/]+?)(?:\.ts)?(?:\/|$)/.exec(path)?.[1];
  if (top && forbiddenSrc.includes(top)) return `src/${top}/ is above the feed layer`;
  return undefined;
}

/** Records every resolved import (static and dynamic) as an edge importer → id. */
function graphRecorder(edges) {
  return {
    name: 'ect-import-graph',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const id = resolved?.external || !resolved ? source : resolved.id;
      if (!edges.has(importer)) edges.set(importer, new Set());
      edges.get(importer).add(id.split('?')[0]);
      return resolved;
    },
  };
}

const edges = new Map();
const result = await build({
  configFile: false,
  root: repoRoot,
  logLevel: 'silent',
  resolve: { conditions: [...defaultClientConditions, 'es2015'] },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  plugins: [graphRecorder(edges)],
  build: {
    write: false,
    outDir: `${repoRoot}/node_modules/.cache/ect-check-layers`,
    lib: { entry, formats: ['es'], fileName: 'feed' },
    rolldownOptions: { output: { minify: true, comments: false } },
  },
});
const output = (Array.isArray(result) ? result[0] : result).output;
const chunks = output.filter((file) => file.type === 'chunk');

// Every module reachable from the entry, with the path that first reached it.
const via = new Map([[entry, undefined]]);
const queue = [entry];
while (queue.length) {
  const id = queue.shift();
  for (const next of edges.get(id) ?? []) {
    if (via.has(next)) continue;
    via.set(next, id);
    queue.push(next);
  }
}
const show = (id) => (id.startsWith(repoRoot) ? relative(repoRoot, id) : id);
const chain = (id) => {
  const ids = [];
  for (let at = id; at; at = via.get(at)) ids.unshift(show(at));
  return ids.join(' → ');
};

const errors = [...via.keys()]
  .map((id) => [id, problem(id)])
  .filter(([, why]) => why)
  .map(([id, why]) => `${show(id)} (${why}): ${chain(id)}`);

const bundled = new Set(chunks.flatMap((chunk) => Object.keys(chunk.modules)));
const entryChunk = chunks.find((chunk) => chunk.isEntry);
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
const all = chunks.reduce((sum, chunk) => sum + chunk.code.length, 0);
console.log(
  `ect-widgets/feed: ${via.size} modules in its import graph (${bundled.size} bundled, ` +
    `${chunks.length} chunks); entry ${kB(entryChunk.code.length)} ` +
    `(${kB(gzipSync(entryChunk.code, { level: 9 }).length)} gzip), ` +
    `all chunks ${kB(all)} minified`,
);
// `--list` prints every module of the graph.
if (process.argv.includes('--list')) for (const id of via.keys()) console.log(show(id));
if (errors.length) {
  console.error(`ect-widgets/feed must bundle without Lit and without the layers above it:`);
  for (const error of errors) console.error(`  ${error}`);
  process.exit(1);
}
console.log('ect-widgets/feed: no Lit, nothing from src/element/ or an element folder');
