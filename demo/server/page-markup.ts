/**
 * Reading and writing the demo pages' markup, for ./embed-info.ts and ./theme-rows.ts: the
 * elements as demo/index.html uses them, and HTML escaping.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const unescapeHtml = (text: string) =>
  text.replace(/&(amp|quot|lt|gt|#39|apos);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'quot' ? '"' : name === 'lt' ? '<' : name === 'gt' ? '>' : "'",
  );

/** The first use of each `<ect-*>` element in demo/index.html, start tag to end tag. */
export function elementUses(): Map<string, string> {
  const html = readFileSync(
    fileURLToPath(new URL('../index.html', import.meta.url)),
    'utf8',
  ).replace(/<!--[\s\S]*?-->/g, '');
  const uses = new Map<string, string>();
  for (const match of html.matchAll(/<(ect-[a-z0-9-]+)\b[^>]*>[\s\S]*?<\/\1>/g)) {
    if (!uses.has(match[1])) uses.set(match[1], match[0]);
  }
  return uses;
}

/** The attributes of an element's start tag (`data-*`, `class`, `id` and `style` left out). */
export function startTagAttributes(markup: string): Record<string, string> {
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
