import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  defineConfig,
  defaultClientConditions,
  type ConfigEnv,
  type Plugin,
  type UserConfig,
} from 'vite';

/** Storybook loads this config too (without `build`); these plugins are for the bundle only. */
const isLibraryBuild = (config: UserConfig, env: ConfigEnv) =>
  env.command === 'build' && Boolean(config.build?.lib);

const root = dirname(fileURLToPath(import.meta.url));
const LAZY = '\0ect-lazy:';

/**
 * `dist/ect-widgets.js`: the one file a webmaster references. Everything imported statically is
 * bundled into it; what `src/core` imports lazily (`import('dompurify')`, `import('ical.js')`,
 * `import('papaparse')`) becomes a chunk in `dist/chunks/`, loaded relative to the bundle so
 * `dist/` works wherever it is copied or served from.
 *
 * The per-element entries for bundler users are emitted unbundled into `dist/lib/` by
 * `tsc -p tsconfig.build.json`, which runs after this build (this build empties `dist/`).
 */
export default defineConfig({
  resolve: {
    // rxjs resolves to its ES5 build without 'es2015' (larger and slower).
    conditions: [...defaultClientConditions, 'es2015'],
  },
  // Some dependencies test process.env.NODE_ENV; browsers loading the bundle have no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
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
      output: {
        chunkFileNames: ({ name }) => `chunks/${name.replace(/^_ect-lazy_/, '')}-[hash].js`,
        // Vite keeps whitespace in ES library builds for the sake of downstream tree-shaking;
        // this file goes straight to browsers, so minify it fully.
        minify: true,
        comments: false,
        // Minifying drops the packages' license comments; name them once per file instead.
        postBanner: (chunk) => licenseBanner(chunk.moduleIds),
      },
    },
  },
  plugins: [lazyPackages(), checkBundle()],
});

/**
 * Wraps each package that source code imports lazily (`import('papaparse')`) in a small ES module
 * facade. The package and any CommonJS interop it needs then live in its own chunk; otherwise
 * Rolldown moves the interop helpers into a shared chunk that the bundle imports statically.
 */
function lazyPackages(): Plugin {
  return {
    name: 'ect-lazy-packages',
    enforce: 'pre',
    apply: isLibraryBuild,
    resolveId(source, importer, options) {
      const bare = !/^[./\0]/.test(source) && !source.includes(':');
      if (bare && options.kind === 'dynamic-import' && !importer?.startsWith(LAZY)) {
        return LAZY + source;
      }
      return null;
    },
    async load(id) {
      if (!id.startsWith(LAZY)) return null;
      const name = id.slice(LAZY.length);
      const resolved = await this.resolve(name);
      if (!resolved) return null;
      // A CommonJS module shows no static exports; its `module.exports` becomes `default`.
      const { exports } = await this.load({ id: resolved.id });
      const source = JSON.stringify(resolved.id);
      const reexports = [`export * from ${source};`];
      if (exports.length === 0 || exports.includes('default')) {
        reexports.push(`export { default } from ${source};`);
      }
      return reexports.join('\n');
    },
  };
}

/** Fails the build when the bundle is not self-contained (see `problems`). */
function checkBundle(): Plugin {
  return {
    name: 'ect-check-bundle',
    apply: isLibraryBuild,
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const errors = problems(chunks);
      if (errors.length > 0) this.error(`dist/ is not self-contained:\n  ${errors.join('\n  ')}`);
    },
  };
}

interface ChunkInfo {
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  code: string;
}

/**
 * Every file must stand alone: no static imports (lit, rxjs and the locales are inside the
 * bundle), no bare specifiers (a browser cannot resolve them without an import map), and the
 * only other files are the lazily imported packages, each loaded by a relative `import()`.
 */
function problems(chunks: ChunkInfo[]): string[] {
  const errors: string[] = [];
  const names = new Set(chunks.map((chunk) => chunk.fileName));
  for (const chunk of chunks) {
    if (chunk.imports.length > 0) {
      errors.push(`${chunk.fileName} imports ${chunk.imports.join(', ')} statically`);
    }
    if (!chunk.isEntry && !chunk.facadeModuleId?.startsWith(LAZY)) {
      errors.push(
        `${chunk.fileName} holds ${chunk.facadeModuleId ?? 'shared code'}: only packages ` +
          `imported as import('package') may be split off the bundle`,
      );
    }
    for (const specifier of chunk.dynamicImports) {
      if (!names.has(specifier)) errors.push(`${chunk.fileName} imports "${specifier}"`);
    }
    for (const [, argument] of chunk.code.matchAll(/\bimport\s*\(\s*([^)]{0,60})/g)) {
      if (!/^[`'"]\.\.?\//.test(argument)) {
        errors.push(`${chunk.fileName} has import(${argument}): not a relative path`);
      }
    }
  }
  return errors;
}

/** `/*! ect-widgets 0.1.0 (MIT), lit 3.3.3 (BSD-3-Clause), … *\/` for the code in one file. */
function licenseBanner(moduleIds: string[]): string {
  const roots = new Set<string>();
  for (const id of moduleIds) {
    const match = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(id);
    if (match) roots.add(match[1]);
    else if (id.startsWith(`${root}/src/`)) roots.add(root);
  }
  const names = [...roots].map((dir) => {
    const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
    const license = String(pkg.license).startsWith('(') ? pkg.license : `(${pkg.license})`;
    return `${pkg.name} ${pkg.version} ${license}`;
  });
  return `/*! ${names.join(', ')} */`;
}
