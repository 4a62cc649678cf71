/**
 * Fails the build when `dist/` is not self-contained: `dist/ect-widgets.js` must work wherever
 * the folder is copied or served from, with no import map and no second copy of a module (one
 * FeedError class for `instanceof`). The rules are in `problems` below.
 */
import { posix } from 'node:path';
import type { Plugin } from 'vite';
import { isLibraryBuild } from '../library.js';

export function checkBundle(): Plugin {
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
 * `instanceof`). Every `import()` loads an emitted file by a relative path: a bare specifier
 * would need an import map, an absolute one would break when `dist/` moves.
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
