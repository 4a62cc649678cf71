#!/usr/bin/env node
// Splits the templates lit-localize writes for each target locale (src/generated/locales/th.ts)
// by the code that says them, so that a page loads words with that code and only then
// (docs/architecture.md, "What loads lazily"). Run by `npm run localize:build`, after
// `lit-localize build`.
//
// A message belongs to an element when its id is used in that element's folder only
// (`msg('…', { id: 'calendar.add' })` in src/calendar/); it goes to
// src/generated/locales/<locale>/<element>.ts, which the element's view carries (`th` of its
// ElementView, src/element/lazy-view.ts). Likewise a message used only in a module of
// src/element/ that APART names goes to src/generated/locales/<locale>/<name>.ts, which that
// module installs: the error sentences (`error.…` ids) of error-text.ts go to
// <locale>/errors.ts, in the chunk of status.ts beside the views, not in dist/ect-widgets.js.
// Every other message (the shared words of src/element/messages.ts) stays in
// src/generated/locales/<locale>.ts, which src/element/translations.ts installs. A locale module
// it wrote already is left as it is.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { elementNames } from './lib/elements.js';
import { repoRoot } from './lib/paths.js';

const locales = join(repoRoot, 'src', 'generated', 'locales');
/** The header of the modules this script writes (lit-localize's own names lit-localize). */
const HEADER = `// Do not modify this file by hand!
// Re-generate this file by running npm run localize:build (lit-localize, then
// scripts/split-locales.js).`;
/** `'id': template,` at the start of a line of the generated templates object. */
const ENTRY = /^[ \t]*'((?:[^'\\]|\\.)+)':[ \t]*/gm;

/**
 * Modules of src/element/ whose words go apart like an element's, to <locale>/<name>.ts: the
 * error sentences, which come with status.ts (a chunk of its own, loaded beside the first view).
 */
const APART = { 'error-text.ts': 'errors' };

/** The `.ts` files of src/<folder>/ with the owner of the ids they use ('' for shared). */
function sources() {
  const list = (folder) =>
    readdirSync(join(repoRoot, 'src', folder))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(repoRoot, 'src', folder, file));
  return [
    ...elementNames().flatMap((name) => list(name).map((path) => [path, name])),
    ...list('element').map((path) => [path, APART[path.split(/[\\/]/).pop()] ?? '']),
  ];
}

/** Owner by message id, for the ids used in one element's folder (or APART module) only. */
function owners() {
  const users = new Map();
  for (const [path, owner] of sources()) {
    const code = readFileSync(path, 'utf8');
    for (const [, id] of code.matchAll(/\bid:\s*'([^']+)'/g)) {
      users.set(id, new Set([...(users.get(id) ?? []), owner]));
    }
  }
  return new Map(
    [...users].filter(([, names]) => names.size === 1).map(([id, [name]]) => [id, name]),
  );
}

/** The entries (`'id': template,` text by id) of a generated locale module. */
function entries(code) {
  const start = code.indexOf('export const templates = {');
  const end = code.lastIndexOf('};');
  if (start < 0 || end < start) throw new Error('not a lit-localize locale module');
  const body = code.slice(start, end);
  const found = [...body.matchAll(ENTRY)];
  return found.map((match, i) => [
    match[1],
    body.slice(match.index, found[i + 1]?.index ?? body.length).trim(),
  ]);
}

/** A locale module of `lines` (`'id': template,`), importing only the tags they use. */
function module(lines) {
  const body = lines.join('\n');
  const imports = [
    /\bhtml`/.test(body) && `import { html } from 'lit';`,
    /\bstr`/.test(body) && `import { str } from '@lit/localize';`,
  ].filter(Boolean);
  return `${HEADER}
${imports.join('\n')}

/* eslint-disable no-irregular-whitespace */

export const templates = {
${lines.map((line) => `  ${line}`).join('\n')}
};
`;
}

const byId = owners();
for (const file of readdirSync(locales).filter((name) => name.endsWith('.ts'))) {
  const locale = file.slice(0, -'.ts'.length);
  const dir = join(locales, locale);
  const code = readFileSync(join(locales, file), 'utf8');
  if (code.startsWith(HEADER)) {
    console.log(`${locale}: split already (lit-localize build writes it whole again)`);
    continue;
  }
  const split = new Map([['', []]]);
  for (const [id, line] of entries(code)) {
    const owner = byId.get(id) ?? '';
    split.set(owner, [...(split.get(owner) ?? []), line]);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const [owner, lines] of split) {
    const path = owner ? join(dir, `${owner}.ts`) : join(locales, file);
    writeFileSync(path, module(lines));
  }
  console.log(
    `${locale}: ${[...split].map(([o, l]) => `${o || 'shared'} ${l.length}`).join(', ')}`,
  );
}
