/**
 * The demo site: the ECT Chiang Rai office home page rebuilt with ect-widgets (docs/demo.md).
 *
 * Pages: index.html (the office home page), states.html (every state of a list, using the
 * fault routes of the feeds plugin), election-night.html (the ECT report replayed), builder.html (the snippet builder) and themes.html (every
 * element under the themes of themes.css). The plugins are in demo/server/:
 * - feeds-plugin.ts: /feeds/* (sample feeds, fault routes) and /api/presence, in `npm start`
 *   and `vite preview`; `vite build` writes the feeds, dates expanded, to demo-dist/feeds/.
 * - built-bundle-plugin.ts: the built pages load dist/ect-widgets.js, copied beside them, under
 *   a strict Content-Security-Policy with Trusted Types (csp.ts), not a bundle of src/.
 * - tool-pages-plugin.ts: fills in the snippet builder's embed info and the themes page.
 *
 * `npm start` (dev): root is demo/; each page's `<script type="module" src="/src/index.ts">`
 * is aliased to the library source, so edits to src/ hot-reload. `npm run build:demo`: the
 * library build writes dist/, then this build writes demo-dist/. `base: './'` lets demo-dist/
 * be served from any folder. The pages load the built bundle, not src/, under the strict policy
 * docs/contract.md promises the elements work under.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { useBuiltBundle } from './demo/server/built-bundle-plugin.js';
import { feedsPlugin } from './demo/server/feeds-plugin.js';
import { demoToolPages } from './demo/server/tool-pages-plugin.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const page = (name: string) => path.join(here, 'demo', `${name}.html`);

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
        index: page('index'),
        states: page('states'),
        builder: page('builder'),
        themes: page('themes'),
        'election-night': page('election-night'),
      },
    },
  },
  plugins: [feedsPlugin(), useBuiltBundle(), demoToolPages()],
});
