/**
 * Lit `css` templates without comments and the whitespace CSS does not need: the elements' styles
 * are written to be read, and shipped compact. Only templates without `${…}` are touched, and
 * nothing but whitespace and comments changes, so the styles are exactly the ones written.
 */
import type { Plugin } from 'vite';
import { isLibraryBuild } from '../library.js';

export function compactCss(): Plugin {
  return {
    name: 'ect-compact-css',
    apply: isLibraryBuild,
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const templates: Array<{ start: number; end: number; raw: string }> = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        const { type, tag, quasi } = node as {
          type?: string;
          tag?: { name?: string };
          quasi: {
            start: number;
            end: number;
            expressions: [];
            quasis: [{ value: { raw: string } }];
          };
        };
        if (
          type === 'TaggedTemplateExpression' &&
          tag?.name === 'css' &&
          !quasi.expressions.length
        ) {
          templates.push({ start: quasi.start, end: quasi.end, raw: quasi.quasis[0].value.raw });
        }
        for (const value of Object.values(node))
          if (value && typeof value === 'object') visit(value);
      };
      visit(this.parse(code, { lang: 'ts' }));
      let out = code;
      for (const { start, end, raw } of templates.reverse()) {
        out = `${out.slice(0, start)}\`${compactCssText(raw)}\`${out.slice(end)}`;
      }
      return templates.length ? { code: out, map: null } : null;
    },
  };
}

/** Quoted CSS strings (kept as they are) and comments (dropped). */
const CSS_STRINGS_AND_COMMENTS = /('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\/\*[\s\S]*?\*\/)/;

/**
 * CSS text without comments, runs of whitespace as one space, and no space around `{};` nor,
 * outside parentheses, around `,>` or after `:`. Inside functions (`var(--x, fallback)`) spaces
 * stay: custom property values keep them, and the styles must not change at all.
 */
function compactCssText(css: string): string {
  const pieces = css
    .split(CSS_STRINGS_AND_COMMENTS)
    .map((part, i) => (i % 2 === 0 ? part : part.startsWith('/*') ? ' ' : `\0${part}\0`))
    .join('')
    .split('\0');
  let depth = 0;
  let out = '';
  pieces.forEach((piece, i) => {
    if (i % 2) {
      out += piece;
      return;
    }
    const text = piece.replace(/\s+/g, ' ');
    [...text].forEach((char, at) => {
      const tight = (c: string | undefined) =>
        c !== undefined && ('{};'.includes(c) || (depth === 0 && ',>'.includes(c)));
      if (char === ' ') {
        const before = out.at(-1);
        if (!out || tight(before) || (depth === 0 && before === ':') || tight(text[at + 1])) return;
      }
      if (char === '(') depth++;
      if (char === ')') depth--;
      out += char;
    });
  });
  return out.replace(/;}/g, '}').trim();
}
