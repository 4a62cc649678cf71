import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, posix } from 'node:path';
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
 * statically inside. What only some feeds need is loaded lazily from `dist/chunks/`, by a
 * relative `import()`, so `dist/` works wherever it is copied or served from:
 * - our own lazily imported modules (`import('./csv.js')` in src/feed/parse, the sanitizer with DOMPurify
 *   inside) become chunks that import what they share (FeedError, the normalizers) from
 *   `../ect-widgets.js`, so there is one instance of each shared module and class;
 * - packages imported lazily (`import('ical.js')`, `import('papaparse')`) are each built on their
 *   own into `chunks/<package>-<hash>.js`, with no import at all.
 * A page whose feeds need none of them (plain RSS, JSON) loads the one file only.
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
      output: {
        // Every module the entry loads statically goes into the entry chunk; Rolldown would
        // otherwise put the modules it shares with a lazy chunk (types, the JSON normalizers) into a
        // common chunk that ect-widgets.js imports statically.
        codeSplitting: { groups: [{ name: 'ect-widgets', tags: ['$initial'] }] },
        // The parsers keep their role in the name (`parse-ics`, not `ics` beside `ics-export`).
        chunkFileNames: (chunk) =>
          /\/src\/feed\/parse\//.test(chunk.facadeModuleId ?? '')
            ? 'chunks/parse-[name]-[hash].js'
            : 'chunks/[name]-[hash].js',
        // Vite keeps whitespace in ES library builds for the sake of downstream tree-shaking;
        // this file goes straight to browsers, so minify it fully.
        minify: true,
        comments: false,
        // Minifying drops the packages' license comments; name them once per file instead.
        postBanner: (chunk) => licenseBanner(chunk.moduleIds),
      },
    },
  },
  plugins: [lazyPackages(), compactCss(), checkBundle()],
}));

/**
 * Turns each `import('<package>')` in the source into a relative `import()` of
 * `chunks/<package>-<hash>.js` and emits that file: the package built alone (with any CommonJS
 * interop it needs), behind an ES module facade that re-exports it, so the import gives the same
 * namespace as before.
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
    // The path of the package chunk relative to the chunk that imports it.
    renderChunk(code, chunk) {
      const from = posix.dirname(chunk.fileName);
      return code.replace(/(["'`])(ect-lazy:[^"'`]+)\1/g, (match, quote: string, id: string) => {
        const fileName = fileNames.get(id);
        if (!fileName) return match;
        const path = posix.relative(from, fileName);
        return `${quote}${path.startsWith('.') ? path : `./${path}`}${quote}`;
      });
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

/**
 * Lit `css` templates without comments and the whitespace CSS does not need: the elements' styles
 * are written to be read, and shipped compact. Only templates without `${…}` are touched.
 */
function compactCss(): Plugin {
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

/** Fails the build when `dist/` is not self-contained (see `problems`). */
function checkBundle(): Plugin {
  return {
    name: 'ect-check-bundle',
    apply: isLibraryBuild,
    generateBundle(_options, bundle) {
      const files = Object.values(bundle).map((file) => ({
        fileName: file.fileName,
        code: file.type === 'chunk' ? file.code : String(file.source),
        isEntry: file.type === 'chunk' && file.isEntry,
        imports: file.type === 'chunk' ? file.imports : [],
        modules: file.type === 'chunk' ? Object.keys(file.modules) : [],
      }));
      const errors = problems(files);
      if (errors.length > 0) this.error(`dist/ is not self-contained:\n  ${errors.join('\n  ')}`);
    },
  };
}

const ENTRY = 'ect-widgets.js';
/** `import … from "x"`, `import "x"`, `export … from "x"`; group 2 is the specifier. */
const STATEMENT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[{*\w$][^"'`;]*?\bfrom\s*)?(["'`])([^"'`]*)\1/g;

/**
 * `ect-widgets.js` imports nothing statically (lit, rxjs and the locales are inside it), nor do
 * the package chunks. Our own lazy chunks statically import only `ect-widgets.js` (or each
 * other), by a relative path, and no module is in two files (one FeedError class for
 * `instanceof`). Every `import()`
 * loads an emitted file by a relative path: a bare specifier would need an import map, an
 * absolute one would break when `dist/` moves.
 */
function problems(
  files: Array<{
    fileName: string;
    code: string;
    isEntry: boolean;
    imports: string[];
    modules: string[];
  }>,
): string[] {
  const errors: string[] = [];
  const names = new Set(files.map((file) => file.fileName));
  const target = (from: string, specifier: string) =>
    /^\.\.?\//.test(specifier) ? posix.join(posix.dirname(from), specifier) : undefined;
  const owners = new Map<string, string>();
  const chunks = new Set(files.filter((f) => f.modules.length > 0).map((f) => f.fileName));
  for (const file of files.filter((f) => f.fileName.endsWith('.js'))) {
    // Our lazy chunks (the other chunks with modules) may import the entry or each other;
    // the entry and the package chunks (emitted as assets) import nothing statically.
    const lazy = !file.isEntry && file.modules.length > 0;
    const statically = file.imports.filter((name) => !lazy || !chunks.has(name));
    if (statically.length > 0) {
      errors.push(`${file.fileName} imports ${statically.join(', ')} statically`);
    }
    for (const [, , specifier] of file.code.matchAll(STATEMENT)) {
      const path = target(file.fileName, specifier);
      if (!lazy || !path || !chunks.has(path)) {
        errors.push(`${file.fileName} has an import statement of ${specifier}`);
      }
    }
    for (const [, argument] of file.code.matchAll(/\bimport\s*\(\s*([^)]{0,80})\)/g)) {
      const specifier = /^[`'"]([^`'"]+)[`'"]$/.exec(argument)?.[1];
      const path = specifier && target(file.fileName, specifier);
      if (!path || !names.has(path)) {
        errors.push(`${file.fileName} has import(${argument}), not an emitted file beside it`);
      }
    }
    for (const id of file.modules) {
      const owner = owners.get(id);
      if (owner) errors.push(`${id} is in both ${owner} and ${file.fileName}`);
      owners.set(id, file.fileName);
    }
  }
  if (!files.some((file) => file.isEntry && file.fileName === ENTRY)) {
    errors.push(`no entry chunk ${ENTRY}`);
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
