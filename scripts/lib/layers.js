import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { elementNames } from './elements.js';
import { repoRoot } from './paths.js';

/**
 * The layers of src/ and what each may import besides itself (docs/architecture.md). Imports
 * only go down: element folders → src/element → src/feed → src/format. Read by eslint.config.js
 * (the import rules) and scripts/check-layers.js (the import graph of `ect-widgets/feed`).
 */
export const LAYERS = {
  format: [],
  feed: ['format'],
  // lit-localize writes src/generated/: the shared words, loaded by the element kit's
  // translations.ts, and each element's own, loaded by its view.
  element: ['feed', 'format', 'generated'],
};

/** What an element folder may import besides itself: never another element folder. */
export const ELEMENT_IMPORTS = ['element', 'feed', 'format', 'generated'];

/** Layers that never import Lit: the data layer has to bundle without it. */
export const WITHOUT_LIT = ['format', 'feed'];

/** Lit's packages, as bare import specifiers. */
export const LIT_SPECIFIER = /^(?:lit|lit-html|lit-element|@lit\/[^/]+)(?:\/|$)/;

/**
 * The element folders: `src/<name>/<name>.ts`, but not a layer (src/format/ holds format.ts).
 */
export function elementFolders(root = repoRoot) {
  return elementNames(root).filter((name) => !(name in LAYERS));
}

/**
 * Each folder of src/ with what it may import. Element folders come from the tree
 * (`src/<name>/<name>.ts`), so a new element is covered without editing this file.
 */
export function layerRules(root = repoRoot) {
  const rules = new Map(Object.entries(LAYERS));
  for (const name of elementFolders(root)) rules.set(name, ELEMENT_IMPORTS);
  return rules;
}

/** The top-level names in src/ (folders, and files without `.ts`), e.g. `calendar`, `index`. */
export function srcEntries(root = repoRoot) {
  return readdirSync(join(root, 'src')).map((name) => name.replace(/\.ts$/, ''));
}

/** The entries of src/ that `folder` must not import: everything but itself and `allowed`. */
export function forbiddenFor(folder, allowed, root = repoRoot) {
  return srcEntries(root).filter((name) => name !== folder && !allowed.includes(name));
}

/**
 * A relative import specifier that reaches one of `names` at the top of src/, written as a
 * regular expression source: `../calendar/month.js`, `../../element/status.js`, `../index.js`.
 */
export function reaching(names) {
  const escaped = names.map((name) => name.replace(/\./g, '\\.'));
  return `^(?:\\.\\./)+(?:${escaped.join('|')})(?:/|\\.js$|$)`;
}
