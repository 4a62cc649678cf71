/**
 * `vite build` of the demo must prove what a webmaster gets, so the pages are NOT bundled from
 * source: each page's one `<script type="module" src="/src/index.ts">` becomes
 * `./ect-widgets.js` (marked `vite-ignore` so Vite leaves it alone), the strict CSP of ./csp.ts
 * is added, and dist/ect-widgets.js is copied beside the pages with the chunks it loads lazily
 * (everything in dist/ except the per-module `lib/` build). `npm run build:demo` builds dist/
 * first.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { CSP } from './csp.js';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const DEV_SCRIPT = /<script type="module" src="\/src\/index\.ts"><\/script>/;

export function useBuiltBundle(): Plugin {
  return {
    name: 'ect-demo-built-bundle',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const charset = '<meta charset="utf-8" />';
        if (!DEV_SCRIPT.test(html) || !html.includes(charset)) {
          throw new Error(
            `demo pages need ${charset} and <script type="module" src="/src/index.ts">`,
          );
        }
        return html
          .replace(DEV_SCRIPT, '<script type="module" src="./ect-widgets.js" vite-ignore></script>')
          .replace(
            charset,
            `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
          );
      },
    },
    async generateBundle() {
      if (!existsSync(path.join(dist, 'ect-widgets.js'))) {
        this.error('dist/ect-widgets.js is missing: run `npm run build` first (build:demo does).');
      }
      for (const file of await filesUnder(dist, new Set(['lib']))) {
        this.emitFile({
          type: 'asset',
          fileName: file,
          source: await readFile(path.join(dist, file)),
        });
      }
    },
  };
}

/** The files under `dir`, as paths relative to it, leaving out those in `skip`. */
async function filesUnder(dir: string, skip: Set<string>, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (skip.has(rel)) continue;
    if (entry.isDirectory()) {
      out.push(...(await filesUnder(path.join(dir, entry.name), skip, `${rel}/`)));
    } else out.push(rel);
  }
  return out;
}
