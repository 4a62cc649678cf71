/**
 * The themes of demo/themes.css and the rows of demo/themes.html that show every element under
 * each of them, headed by the element's summary in Thai (demo/manifest-th.json) and English.
 * ./tool-pages-plugin.ts writes them into the page.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { elementUses, escapeHtml } from './page-markup.js';

const repo = (file: string) => fileURLToPath(new URL(`../../${file}`, import.meta.url));

export interface ThemeBlock {
  id: string;
  th: string;
  en: string;
  css: string;
}

/** The themes of demo/themes.css: from a `theme: id | ชื่อ | Name` comment to `end theme`. */
export function themeBlocks(): ThemeBlock[] {
  const css = readFileSync(repo('demo/themes.css'), 'utf8');
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
export function themeRows(themes: ThemeBlock[]): string {
  const manifest = JSON.parse(readFileSync(repo('custom-elements.json'), 'utf8')) as {
    modules: { declarations?: { tagName?: string; summary?: string }[] }[];
  };
  const thai = JSON.parse(readFileSync(repo('demo/manifest-th.json'), 'utf8')) as Record<
    string,
    { summary?: string }
  >;
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
    // Thai, with the manifest's English for lang-switch.js; English alone when no Thai yet.
    const th = thai[tagName]?.summary;
    const rowSummary = th
      ? `<span class="row-summary" data-en="${escapeHtml(summary ?? '')}">${escapeHtml(th)}</span>`
      : `<span class="row-summary" lang="en">${escapeHtml(summary ?? '')}</span>`;
    rows.push(`
      <section class="theme-row" aria-labelledby="row-${tagName}">
        <h2 class="panel-title" id="row-${tagName}">
          <code>&lt;${tagName}&gt;</code> ${rowSummary}
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

/** The CSS of each theme, as a `<details>` listing for demo/themes.html. */
export function themeListings(themes: ThemeBlock[]): string {
  return themes
    .map(
      (theme) => `
        <details class="theme-css">
          <summary data-en="${escapeHtml(theme.en)}">${escapeHtml(theme.th)}</summary>
          <pre><code>${escapeHtml(theme.css)}</code></pre>
        </details>`,
    )
    .join('');
}
