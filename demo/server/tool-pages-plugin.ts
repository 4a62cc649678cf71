/**
 * Fills demo/builder.html's `<!-- ect-embed -->` with the embed info of ./embed-info.ts (a JSON
 * data block, which the CSP allows; dist/ is built first when it is missing or stale) and
 * demo/themes.html's `<!-- ect-theme-rows -->` / `<!-- ect-theme-css -->` from ./theme-rows.ts.
 * In dev this runs on every page load, so a changed src/ or a new element shows on reload.
 */
import type { Plugin } from 'vite';
import { embedInfo } from './embed-info.js';
import { themeBlocks, themeListings, themeRows } from './theme-rows.js';

export function demoToolPages(): Plugin {
  return {
    name: 'ect-demo-tool-pages',
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        if (html.includes('<!-- ect-embed -->')) {
          const json = JSON.stringify(await embedInfo()).replace(/</g, '\\u003c');
          html = html.replace(
            '<!-- ect-embed -->',
            `<script type="application/json" id="ect-embed">${json}</script>`,
          );
        }
        if (html.includes('<!-- ect-theme-rows -->')) {
          const themes = themeBlocks();
          html = html
            .replace('<!-- ect-theme-rows -->', themeRows(themes))
            .replace('<!-- ect-theme-css -->', themeListings(themes));
        }
        return html;
      },
    },
  };
}
