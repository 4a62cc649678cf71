/**
 * Moves the translations of the error sentences out of the bundle (`npm run localize:build` runs
 * this after `lit-localize build`). lit-localize writes every message of src/ to
 * src/generated/locales/<locale>.ts, which src/element/localize.ts puts in dist/ect-widgets.js;
 * the messages with an `error.` id (src/element/error-text.ts) move to
 * src/generated/locales/<locale>-errors.ts, which only error-text.ts imports, so they load with
 * the views (docs/architecture.md, "What loads lazily").
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../src/generated/locales/', import.meta.url));
const OPEN = 'export const templates = {\n';
const CLOSE = /\n\s*};\s*$/;

for (const name of readdirSync(dir).filter((file) => /^[a-z-]+\.ts$/i.test(file))) {
  if (name.endsWith('-errors.ts')) continue;
  const path = dir + name;
  const source = readFileSync(path, 'utf8');
  const open = source.indexOf(OPEN);
  const close = source.search(CLOSE);
  if (open < 0 || close < 0) throw new Error(`${name}: not a lit-localize runtime module`);
  const head = source.slice(0, open + OPEN.length);
  // One entry per id, `'id': value,`; a value may run over several lines.
  const entries = source
    .slice(open + OPEN.length, close)
    .split(/\n(?=\s*'[^']+': )/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  const errors = entries.filter((entry) => entry.startsWith("'error."));
  const rest = entries.filter((entry) => !entry.startsWith("'error."));
  // As lit-localize lays the object out.
  const ending = source.slice(close);
  const module = (kept) => `      ${kept.join('\n')}${ending}`;
  writeFileSync(path, head + module(rest));
  // Only the imports its values use (the project compiles with noUnusedLocals).
  const errorsHead = head
    .split('\n')
    .filter((line) => {
      const tag = /^\s*import \{(\w+)\}/.exec(line)?.[1];
      return !tag || errors.some((entry) => entry.includes(`: ${tag}\``));
    })
    .join('\n');
  writeFileSync(dir + name.replace(/\.ts$/, '-errors.ts'), errorsHead + module(errors));
  console.log(`${name}: ${rest.length} messages; ${errors.length} error sentences apart`);
}
