import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  build,
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
// rxjs resolves to its ES5 build without 'es2015' (larger and slower).
const conditions = [...defaultClientConditions, 'es2015'];
// Browsers have no `process`: a dependency testing process.env.NODE_ENV would throw there.
const define = { 'process.env.NODE_ENV': JSON.stringify('production') };
const LAZY = 'ect-lazy:';
const FACADE = 'ect-lazy-facade';

/**
 * `dist/ect-widgets.js`: the one file a webmaster references, with everything it imports
 * statically inside, our own lazily imported modules (`import('./parse-csv.js')`) too. Only
 * packages imported lazily (`import('dompurify')`, `import('ical.js')`) stay apart: each is
 * built on its own into `dist/chunks/<package>-<hash>.js` and loaded by a relative `import()`,
 * so `dist/` works wherever it is copied or served from.
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
      output: {
        // One file: Rolldown would otherwise split modules shared with a lazy module into a
        // chunk that the bundle imports statically.
        codeSplitting: false,
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
}));

/**
 * Turns each `import('<package>')` in the source into `import('./chunks/<package>-<hash>.js')`
 * and emits that file: the package built alone (with any CommonJS interop it needs), behind an
 * ES module facade that re-exports it, so the import gives the same namespace as before.
 */
function lazyPackages(): Plugin {
  const files = new Map<string, Promise<{ fileName: string; code: string }>>();
  const fileNames = new Map<string, string>();
  return {
    name: 'ect-lazy-packages',
    enforce: 'pre',
    apply: isLibraryBuild,
    async resolveId(source, _importer, options) {
      const bare = !/^[./\0]/.test(source) && !source.includes(':');
      if (!bare || options.kind !== 'dynamic-import') return null;
      if (!files.has(source)) files.set(source, buildPackageChunk(source));
      fileNames.set(LAZY + source, (await files.get(source)!).fileName);
      return { id: LAZY + source, external: true };
    },
    outputOptions(output) {
      return {
        ...output,
        paths: (id: string) => (fileNames.has(id) ? `./${fileNames.get(id)}` : id),
      };
    },
    async generateBundle() {
      for (const file of await Promise.all(files.values())) {
        this.emitFile({ type: 'asset', fileName: file.fileName, source: file.code });
      }
    },
  };
}

/** One package as a self-contained, minified ES module: `chunks/<package>-<hash>.js`. */
async function buildPackageChunk(name: string): Promise<{ fileName: string; code: string }> {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    resolve: { conditions },
    define,
    plugins: [packageFacade(name)],
    build: {
      write: false,
      lib: { entry: FACADE, formats: ['es'], fileName: 'facade' },
      rolldownOptions: {
        output: {
          codeSplitting: false,
          minify: true,
          comments: false,
          postBanner: (chunk) => licenseBanner(chunk.moduleIds),
        },
      },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result) as {
    output: Array<{ type: string; code?: string }>;
  };
  const chunks = output.output.filter((file) => file.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`${name} did not build into one file`);
  const code = chunks[0].code!;
  const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
  const base = name.replace(/\.js$/, '').replace(/[^a-z0-9]+/gi, '-');
  return { fileName: `chunks/${base}-${hash}.js`, code };
}

/** The entry of a package chunk: `export *` plus its default export, if it has one. */
function packageFacade(name: string): Plugin {
  return {
    name: 'ect-package-facade',
    enforce: 'pre',
    // Vite makes the library entry a path in the root.
    resolveId: (source) => (source.endsWith(FACADE) ? `\0${FACADE}` : null),
    async load(id) {
      if (id !== `\0${FACADE}`) return null;
      const resolved = await this.resolve(name);
      if (!resolved) throw new Error(`cannot resolve ${name}`);
      // A CommonJS module shows no static exports; its `module.exports` becomes `default`.
      const { exports } = await this.load({ id: resolved.id });
      const source = JSON.stringify(resolved.id);
      const lines = [`export * from ${source};`];
      if (exports.length === 0 || exports.includes('default')) {
        lines.push(`export { default } from ${source};`);
      }
      return lines.join('\n');
    },
  };
}

/** Fails the build when `dist/` is not self-contained (see `problems`). */
function checkBundle(): Plugin {
  return {
    name: 'ect-check-bundle',
    apply: isLibraryBuild,
    generateBundle(_options, bundle) {
      const files = Object.values(bundle).map((file) => ({
        fileName: file.fileName,
        code: file.type === 'chunk' ? file.code : String(file.source),
        imports: file.type === 'chunk' ? file.imports : [],
      }));
      const errors = problems(files);
      if (errors.length > 0) this.error(`dist/ is not self-contained:\n  ${errors.join('\n  ')}`);
    },
  };
}

/**
 * No file may import anything statically (lit, rxjs and the locales are inside the bundle), and
 * every `import()` must load one of the emitted package chunks by a relative path: a bare
 * specifier would need an import map, an absolute one would break when `dist/` moves.
 */
function problems(files: Array<{ fileName: string; code: string; imports: string[] }>): string[] {
  const errors: string[] = [];
  const names = new Set(files.map((file) => file.fileName));
  for (const file of files.filter((f) => f.fileName.endsWith('.js'))) {
    if (file.imports.length > 0) {
      errors.push(`${file.fileName} imports ${file.imports.join(', ')} statically`);
    }
    if (/(?:^|[;}\s])import\s*(?:[{*\w$]|["'`])|\bexport\s*\*\s*from\b/.test(file.code)) {
      errors.push(`${file.fileName} has an import statement`);
    }
    for (const [, argument] of file.code.matchAll(/\bimport\s*\(\s*([^)]{0,80})\)/g)) {
      const target = /^[`'"]\.\/([^`'"]+)[`'"]$/.exec(argument)?.[1];
      const dir = file.fileName.includes('/') ? file.fileName.replace(/[^/]+$/, '') : '';
      if (!target || !names.has(dir + target)) {
        errors.push(`${file.fileName} has import(${argument}), not an emitted file beside it`);
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
