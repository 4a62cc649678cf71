// What the bundle is made of: rendered bytes per package or source folder, before minifying.
import { join, relative } from 'node:path';
import { bundleAlone } from '../lib/bundle.js';

export const title = 'Composition of the bundle (share of the code before minifying)';

export async function run({ root, dist, table }) {
  const { modules } = await bundleAlone(root, join(dist, 'lib', 'index.js'));
  const groups = new Map();
  for (const [id, length] of Object.entries(modules)) {
    const group = groupOf(root, id);
    groups.set(group, (groups.get(group) ?? 0) + length);
  }
  const total = [...groups.values()].reduce((sum, length) => sum + length, 0);
  const rows = [['package or folder', 'share', 'bytes']];
  for (const [group, length] of [...groups].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])) {
    rows.push([group, `${((100 * length) / total).toFixed(1)} %`, String(length)]);
  }
  table(rows);
}

/** `lit-html`, `rxjs`, `dist/lib/core`, `dist/lib/announcement-list`, … */
function groupOf(root, id) {
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
  if (pkg) return pkg[1];
  const path = relative(root, id);
  return path.split('/').slice(0, 3).join('/').replace(/\.js$/, '');
}
