import { defineConfig } from 'vite';
import { conditions, define } from './build/library.js';
import { checkBundle } from './build/plugins/check-bundle.js';
import { lazyPackages } from './build/plugins/lazy-packages.js';
import { licenseBanner } from './build/plugins/license-banner.js';
import { minifyCss } from './build/plugins/minify-css.js';

/**
 * `dist/ect-widgets.js`: the one file a webmaster references, with everything it imports
 * statically inside. What only some feeds need is loaded lazily from `dist/chunks/` by a relative
 * `import()`, so `dist/` works wherever it is copied or served from: our own lazily imported
 * modules (parsers, views, the sanitizer) become chunks that import what they share from
 * `../ect-widgets.js`; packages imported lazily (ical.js, papaparse) are built on their own
 * (build/plugins/lazy-packages.ts). build/plugins/check-bundle.ts enforces this.
 *
 * The per-element entries for bundler users are emitted unbundled into `dist/lib/` by
 * `tsc -p tsconfig.build.json`, which runs after this build (this build empties `dist/`).
 */
export default defineConfig(({ command }) => ({
  resolve: { conditions },
  // Only for builds: Storybook's dev server loads this config too.
  define: command === 'build' ? define : {},
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    reportCompressedSize: false,
    lib: {
      entry: { 'ect-widgets': 'src/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      // The entry chunk may export more than src/index.ts does: what the lazy chunks import.
      preserveEntrySignatures: 'allow-extension',
      // src/index.ts keeps the RSS, Atom and JSON parsers inside the entry on purpose; the
      // `import()` of them in src/feed/parse/parsers.ts is for the per-element entries.
      checks: { ineffectiveDynamicImport: false },
      output: {
        // Every module the entry loads statically goes into the entry chunk (Rolldown would
        // otherwise move what it shares with a lazy chunk into a common chunk it imports).
        codeSplitting: { groups: [{ name: 'ect-widgets', tags: ['$initial'] }] },
        // The parsers keep their role in the name (`parse-ics`, not `ics` beside `ics-export`).
        chunkFileNames: (chunk) =>
          /\/src\/feed\/parse\//.test(chunk.facadeModuleId ?? '')
            ? 'chunks/parse-[name]-[hash].js'
            : 'chunks/[name]-[hash].js',
        // Vite keeps whitespace in ES library builds; this file goes to browsers as it is.
        minify: true,
        comments: false,
        // Minifying drops the packages' license comments; name them once per file instead.
        postBanner: (chunk) => licenseBanner(chunk.moduleIds),
      },
    },
  },
  plugins: [lazyPackages(), minifyCss(), checkBundle()],
}));
