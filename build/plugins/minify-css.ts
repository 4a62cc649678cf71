/**
 * The elements' Lit `css` templates minified: they are written to be read and shipped compact.
 * Lit's own @lit-labs/rollup-plugin-minify-html-literals does it with lightningcss (the CSS
 * engine Vite uses) and no `targets`, so nothing is lowered or prefixed: it drops comments and
 * whitespace, shortens values (`0.5rem` → `.5rem`, `transparent` → `#0000`), orders each rule's
 * declarations its way and merges longhands into shorthands (`align-self` + `justify-self` →
 * `place-self`); every rule keeps the same declarations in effect.
 *
 * It replaced a hand-written whitespace compactor and makes the bundle smaller, not bigger:
 * dist/ect-widgets.js 99,253 → 99,198 bytes (34,323 → 34,301 gzip -9), all of dist/ but lib/
 * 284,885 → 284,369 (102,032 → 101,925 gzip). `html` templates are left as they are: minifying
 * them could change rendered whitespace, and its HTML parser fails on templates with a tag
 * expression (`<${tag}>`), 3 of our files.
 */
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import type { Plugin } from 'vite';
import { isLibraryBuild } from '../library.js';

export function minifyCss(): Plugin {
  const plugin = minifyLiterals({
    filter: (id) => /\/src\/.+\.ts$/.test(id),
    failOnError: true,
    options: { shouldMinify: () => false },
  });
  return { ...(plugin as unknown as Plugin), name: 'ect-minify-css', apply: isLibraryBuild };
}
