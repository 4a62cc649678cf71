/**
 * Turns each `import('<package>')` in the source into a relative `import()` of
 * `chunks/<package>-<hash>.js` and emits that file: the package built alone (with any CommonJS
 * interop it needs), behind an ES module facade (./package-facade.ts) that re-exports it, so the
 * import gives the same namespace as before. Such a chunk has no import at all, and a page whose
 * feeds never need the package (ical.js, papaparse) never loads it.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { build, type Plugin } from 'vite';
import { conditions, define, isLibraryBuild, root } from '../library.js';
import { licenseBanner } from './license-banner.js';
import { FACADE, packageFacade } from './package-facade.js';

const LAZY = 'ect-lazy:';

export function lazyPackages(): Plugin {
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
