// Sizes: the bundle and its lazy chunks as served, and what a bundler user pays per entry.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundleAlone, gzipSize as gzip } from '../lib/bundle.js';
import { elementNames } from '../lib/elements.js';

export const title = 'Sizes (gzip level 9 and raw; 1 KB = 1024 bytes)';

const BUNDLE_BUDGET = 40 * 1024;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export async function run({ root, dist, table, target, ratio, line }) {
  const bundle = readFileSync(join(dist, 'ect-widgets.js'));
  const chunkDir = join(dist, 'chunks');
  const chunks = existsSync(chunkDir) ? readdirSync(chunkDir).filter((f) => f.endsWith('.js')) : [];
  const rows = [['file (CDN / <script type="module">)', 'gzip', 'raw']];
  rows.push(['dist/ect-widgets.js', kb(gzip(bundle)), kb(bundle.length)]);
  for (const chunk of chunks.sort()) {
    const code = readFileSync(join(chunkDir, chunk));
    rows.push([`dist/chunks/${chunk} (lazy)`, kb(gzip(code)), kb(code.length)]);
  }
  table(rows);
  target('dist/ect-widgets.js ≤ 40 KB gzip', gzip(bundle) <= BUNDLE_BUDGET, kb(gzip(bundle)));
  ratio({
    label: 'bundle: dist/ect-widgets.js gzip (no peer)',
    ours: gzip(bundle) / 1024,
    unit: 'KB',
    target: { max: BUNDLE_BUDGET / 1024 },
  });

  line();
  line('Bundler users: each dist/lib entry bundled alone with its dependencies, minified');
  const entries = [
    ['ect-widgets', 'index.js'],
    ['ect-widgets/feed', 'feed/index.js'],
    ['ect-widgets/element', 'element/index.js'],
    ...elementNames(root).map((name) => [`ect-widgets/${name}`, `${name}/${name}.js`]),
  ];
  const sizes = [['import', 'gzip', 'raw', 'lazy gzip']];
  for (const [specifier, file] of entries) {
    const entry = join(dist, 'lib', file);
    if (!existsSync(entry)) {
      sizes.push([specifier, 'missing', relative(root, entry), '']);
      continue;
    }
    const { initial, lazy } = await bundleAlone(root, entry);
    const lazyGzip = lazy.reduce((sum, chunk) => sum + gzip(chunk.code), 0);
    sizes.push([specifier, kb(gzip(initial)), kb(initial.length), lazyGzip ? kb(lazyGzip) : '-']);
  }
  table(sizes);
}
