/**
 * The demo site: the ECT Chiang Rai office home page rebuilt with ect-widgets.
 *
 * Pages: index.html (the office home page), states.html (every state of a list, using the
 * fault routes of the feeds plugin), builder.html (the snippet builder) and themes.html (every
 * element under the themes of themes.css).
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
 * with Trusted Types is added, as docs/contract.md promises the elements work under it.
 * `base: './'` lets demo-dist/ be served from any folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { contentTypeOf } from './demo/server/feed-files.js';
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

// --- The snippet builder and the themes page ------------------------------------------------

const pkg = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const unescapeHtml = (text: string) =>
  text.replace(/&(amp|quot|lt|gt|#39|apos);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'quot' ? '"' : name === 'lt' ? '<' : name === 'gt' ? '>' : "'",
  );

/** The first use of each `<ect-*>` element in demo/index.html, start tag to end tag. */
function elementUses(): Map<string, string> {
  const html = readFileSync(path.join(here, 'demo/index.html'), 'utf8').replace(
    /<!--[\s\S]*?-->/g,
    '',
  );
  const uses = new Map<string, string>();
  for (const match of html.matchAll(/<(ect-[a-z0-9-]+)\b[^>]*>[\s\S]*?<\/\1>/g)) {
    if (!uses.has(match[1])) uses.set(match[1], match[0]);
  }
  return uses;
}

/** The attributes of an element's start tag (`data-*`, `class`, `id` and `style` left out). */
function startTagAttributes(markup: string): Record<string, string> {
  const tag = /^<[a-z0-9-]+([^>]*)>/i.exec(markup)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const [, name, ...values] of tag.matchAll(
    /\s([a-zA-Z_:][-\w:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g,
  )) {
    if (/^(data-|class$|id$|style$)/.test(name)) continue;
    out[name] = unescapeHtml(values.find((value) => value !== undefined) ?? '');
  }
  return out;
}

/** `sha384-…` of a file, as the `integrity` attribute takes it. */
const sriHash = (bytes: Buffer) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * What demo/builder.html needs from the build (the builder takes the elements themselves from
 * custom-elements.json): the version-pinned CDN URL of dist/ect-widgets.js with its SRI hash
 * (null while dist/ is not built), every element's first use in demo/index.html as an example,
 * and the sample feeds.
 */
function embedInfo() {
  const file = path.join(dist, 'ect-widgets.js');
  const built = existsSync(file);
  const feedsDir = path.join(here, 'demo/feeds');
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

interface ThemeBlock {
  id: string;
  th: string;
  en: string;
  css: string;
}

/** The themes of demo/themes.css: from a `theme: id | ชื่อ | Name` comment to `end theme`. */
function themeBlocks(): ThemeBlock[] {
  const css = readFileSync(path.join(here, 'demo/themes.css'), 'utf8');
  return [
    ...css.matchAll(
      /\/\* theme: ([a-z0-9-]+) \| ([^|]+?) \| ([^*]+?) \*\/\n([\s\S]*?)\/\* end theme \*\//g,
    ),
  ].map(([, id, th, en, body]) => ({ id, th, en, css: body.trim() }));
}

/**
 * The rows of demo/themes.html: each element of custom-elements.json that demo/index.html uses,
 * copied (ids removed) once per theme, so an element shows up here as soon as it is on the page.
 */
function themeRows(themes: ThemeBlock[]): string {
  const manifest = JSON.parse(readFileSync(path.join(here, 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: { tagName?: string; summary?: string }[] }[];
  };
  const uses = elementUses();
  const rows: string[] = [];
  const missing: string[] = [];
  for (const { tagName, summary } of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (!tagName) continue;
    const use = uses.get(tagName);
    if (!use) {
      missing.push(tagName);
      continue;
    }
    const copy = use.replace(/\s(id|aria-labelledby|aria-describedby)="[^"]*"/g, '');
    // Three copies of one element are three landmarks with one name: the theme tells them apart.
    const named = (theme: ThemeBlock) =>
      copy
        .replace(/(\slabel=")([^"]*)"/, `$1$2 (${escapeHtml(theme.th)})"`)
        .replace(/(\sdata-en-label=")([^"]*)"/, `$1$2 (${escapeHtml(theme.en)})"`);
    const cells = themes.map(
      (theme) => `
        <div class="theme theme-${theme.id}" role="group" aria-labelledby="${tagName}-${theme.id}">
          <p class="theme-name" id="${tagName}-${theme.id}" data-en="${escapeHtml(theme.en)}">${escapeHtml(theme.th)}</p>
          ${named(theme)}
        </div>`,
    );
    rows.push(`
      <section class="theme-row" aria-labelledby="row-${tagName}">
        <h2 class="panel-title" id="row-${tagName}">
          <code>&lt;${tagName}&gt;</code> <span class="row-summary" lang="en">${escapeHtml(summary ?? '')}</span>
        </h2>
        <div class="theme-cells">${cells.join('')}
        </div>
      </section>`);
  }
  if (missing.length) {
    rows.push(`
      <p class="theme-note" data-en="Not on the demo page yet, so not shown: ${missing.join(', ')}">
        ยังไม่มีในหน้าสาธิต จึงไม่แสดง: ${missing.join(', ')}
      </p>`);
  }
  return rows.join('');
}

/**
 * Fills demo/builder.html's `<!-- ect-embed -->` with the embed info (a JSON data block, which
 * the CSP allows) and demo/themes.html's `<!-- ect-theme-rows -->` / `<!-- ect-theme-css -->`.
 * In dev this runs on every page load, so a rebuilt dist/ or a new element shows on reload.
 */
function demoToolPages(): Plugin {
  return {
    name: 'ect-demo-tool-pages',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (html.includes('<!-- ect-embed -->')) {
          const json = JSON.stringify(embedInfo()).replace(/</g, '\\u003c');
          html = html.replace(
            '<!-- ect-embed -->',
            `<script type="application/json" id="ect-embed">${json}</script>`,
          );
        }
        if (html.includes('<!-- ect-theme-rows -->')) {
          const themes = themeBlocks();
          const code = themes.map(
            (theme) => `
        <details class="theme-css">
          <summary data-en="${escapeHtml(theme.en)}">${escapeHtml(theme.th)}</summary>
          <pre><code>${escapeHtml(theme.css)}</code></pre>
        </details>`,
          );
          html = html
            .replace('<!-- ect-theme-rows -->', themeRows(themes))
            .replace('<!-- ect-theme-css -->', code.join(''));
        }
        return html;
      },
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
        builder: path.join(here, 'demo/builder.html'),
        themes: path.join(here, 'demo/themes.html'),
      },
    },
  },
  plugins: [feedsPlugin(), useBuiltBundle(), demoToolPages()],
});
