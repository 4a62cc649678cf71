import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/**
 * The elements, from the source tree: every folder `src/<name>/` whose `<name>.ts` registers an
 * `ect-` tag (`announcement-list`, `calendar`, …; not the layers below them), so a new element
 * needs no list edited anywhere.
 */
export function elementNames(root = repoRoot) {
  return readdirSync(join(root, 'src'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => {
      const file = join(root, 'src', name, `${name}.ts`);
      return existsSync(file) && REGISTERS_TAG.test(readFileSync(file, 'utf8'));
    })
    .sort();
}

/** A class decorator registering an `ect-` tag (src/element/define.ts). */
const REGISTERS_TAG = /^@\w+\(\s*'ect-[a-z-]+'\s*\)/m;
