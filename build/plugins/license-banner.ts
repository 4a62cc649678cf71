/**
 * The license comment of each built file, `/*! ect-widgets 0.1.0 (MIT), lit 3.3.3 (…), … *\/`:
 * the packages whose code is in that file, once each, in module order. Minifying drops the
 * packages' own license comments, so vite.config.ts and ./lazy-packages.ts name them with this
 * as `output.postBanner` (added after minification, so it is kept).
 *
 * rollup-plugin-license 3.7.2 was tried in its place and not kept. Under Rolldown its banner,
 * added in `renderChunk`, is stripped by `comments: false` (every file left without a notice);
 * keeping legal comments instead keeps the packages' own 15 `@license` blocks too
 * (dist/ect-widgets.js 99,198 → 100,466 bytes), and it gives every file the dependencies of
 * all files built before it (parse-json-error.js would name Lit, rxjs and DOMPurify).
 */
import { readFileSync } from 'node:fs';
import { root } from '../library.js';

export function licenseBanner(moduleIds: string[]): string {
  const roots = new Set<string>();
  for (const id of moduleIds) {
    const match = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(id);
    if (match) roots.add(match[1]);
    else if (id.startsWith(`${root}/src/`)) roots.add(root);
  }
  const names = [...roots].map((dir) => {
    const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
    const license = String(pkg.license).startsWith('(') ? pkg.license : `(${pkg.license})`;
    return `${pkg.name} ${pkg.version} ${license}`;
  });
  return `/*! ${names.join(', ')} */`;
}
