/**
 * The demo site: the ECT Chiang Rai office home page rebuilt with ect-widgets.
 *
 * Pages: index.html (the office home page) and states.html (every state of a list, using the
 * fault routes of the feeds plugin).
 *
 * `npm start` (dev): root is demo/; each page's `<script type="module" src="/src/index.ts">`
 * is aliased to the library source, so edits to src/ hot-reload. /feeds/* comes from
 * demo/server/feeds-plugin.ts (sample feeds, fault routes), in `vite preview` as well.
 *
 * `npm run build:demo`: first the library build writes dist/, then this build writes
 * demo-dist/. The page must prove what a webmaster gets, so it is NOT bundled from source:
 * `useBuiltBundle` rewrites each page's one script tag to `./ect-widgets.js` (marked `vite-ignore`
 * so Vite leaves it alone) and copies dist/ect-widgets.js with the chunks it loads lazily
 * (everything in dist/ except the per-module `lib/` build) beside the page. The feeds are
 * written to demo-dist/feeds/ with their dates expanded, and a strict Content-Security-Policy
 * with Trusted Types is added, as the contract promises the elements work under it.
 * `base: './'` lets demo-dist/ be served from any folder.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { feedsPlugin } from './demo/server/feeds-plugin.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');
const DEV_SCRIPT = /<script type="module" src="\/src\/index\.ts"><\/script>/;

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self' https:",
  "object-src 'none'",
  "base-uri 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html dompurify ect-widgets',
].join('; ');

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

function useBuiltBundle(): Plugin {
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

export default defineConfig({
  root: path.join(here, 'demo'),
  base: './',
  publicDir: 'public',
  resolve: {
    alias: [{ find: /^\/src\//, replacement: `${path.join(here, 'src')}/` }],
  },
  server: { port: 5173 },
  build: {
    outDir: path.join(here, 'demo-dist'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: path.join(here, 'demo/index.html'),
        states: path.join(here, 'demo/states.html'),
      },
    },
  },
  plugins: [feedsPlugin(), useBuiltBundle()],
});
