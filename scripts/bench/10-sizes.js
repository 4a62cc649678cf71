// Sizes: the bundle and its lazy chunks as served, and what a bundler user pays per entry.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundleAlone, gzipSize as gzip } from '../lib/bundle.js';
import { elementNames } from '../lib/elements.js';

export const title = 'Sizes (gzip level 9 and raw; 1 KB = 1024 bytes)';

const BUNDLE_BUDGET = 40 * 1024;
/** An element imported alone costs at most this share of the all-in-one `ect-widgets` (issue 16). */
const ALONE_SHARE = 0.6;
/** The element the share is a target for: the smallest, the one pages most often carry alone. */
const ALONE = 'online-counter';

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
  line(
    'Bundler users: each dist/lib entry bundled alone with its dependencies, minified; ' +
      'up front (gzip, raw, share of the all-in-one ect-widgets) and lazy',
  );
  const entries = [
    ['ect-widgets', 'index.js'],
    ['ect-widgets/feed', 'feed/index.js'],
    ['ect-widgets/element', 'element/index.js'],
    ...elementNames(root).map((name) => [`ect-widgets/${name}`, `${name}/${name}.js`]),
  ];
  const sizes = [['import', 'gzip', 'raw', 'of all-in-one', 'lazy gzip']];
  const upFront = {};
  for (const [specifier, file] of entries) {
    const entry = join(dist, 'lib', file);
    if (!existsSync(entry)) {
      sizes.push([specifier, 'missing', relative(root, entry), '', '']);
      continue;
    }
    const { initial, lazy } = await bundleAlone(root, entry);
    const lazyGzip = lazy.reduce((sum, chunk) => sum + gzip(chunk.code), 0);
    upFront[specifier] = gzip(initial);
    const share = upFront[specifier] / upFront['ect-widgets'];
    sizes.push([
      specifier,
      kb(upFront[specifier]),
      kb(initial.length),
      Number.isFinite(share) ? `${(share * 100).toFixed(1)} %` : '-',
      lazyGzip ? kb(lazyGzip) : '-',
    ]);
  }
  table(sizes);
  const alone = upFront[`ect-widgets/${ALONE}`];
  const all = upFront['ect-widgets'];
  const share = alone / all;
  target(
    `${ALONE} alone ≤ ${ALONE_SHARE * 100} % of all-in-one`,
    share <= ALONE_SHARE,
    Number.isFinite(share)
      ? `${(share * 100).toFixed(1)} %: ${kb(alone)} of ${kb(all)}`
      : 'missing',
  );
  ratio({
    label: `bundler: ${ALONE} alone / all-in-one ect-widgets, gzip`,
    ours: alone / 1024,
    peer: all / 1024,
    unit: 'KB',
    target: { ratio: ALONE_SHARE },
    failure: Number.isFinite(share) ? undefined : 'an entry of dist/lib is missing',
  });
}
