/**
 * What demo/builder.html needs from the build (the builder takes the elements themselves from
 * custom-elements.json): the version-pinned CDN URL of dist/ect-widgets.js with its SRI hash
 * (null while dist/ is not built), every element's first use in demo/index.html as an example,
 * and the sample feeds. ./tool-pages-plugin.ts writes it into the page as JSON.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypeOf } from './feed-files.js';
import { elementUses, startTagAttributes } from './page-markup.js';

const repo = (file: string) => fileURLToPath(new URL(`../../${file}`, import.meta.url));

/** `sha384-…` of a file, as the `integrity` attribute takes it. */
const sriHash = (bytes: Buffer) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const pkg = JSON.parse(readFileSync(repo('package.json'), 'utf8')) as {
  name: string;
  version: string;
};

export function embedInfo() {
  const file = repo('dist/ect-widgets.js');
  const built = existsSync(file);
  const feedsDir = repo('demo/feeds');
  return {
    name: pkg.name,
    version: pkg.version,
    url: `https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/dist/ect-widgets.js`,
    integrity: built ? sriHash(readFileSync(file)) : null,
    builtAt: built ? statSync(file).mtime.toISOString() : null,
    examples: Object.fromEntries(
      [...elementUses()].map(([tag, markup]) => [tag, startTagAttributes(markup)]),
    ),
    feeds: readdirSync(feedsDir)
      .filter((name) => contentTypeOf(name, readFileSync(path.join(feedsDir, name))))
      .sort()
      .map((name) => `feeds/${name}`),
  };
}
