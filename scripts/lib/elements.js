import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/**
 * The elements, from the source tree: every folder `src/<name>/` holding `<name>.ts`
 * (`announcement-list`, `calendar`, …), so a new element needs no list edited anywhere.
 */
export function elementNames(root = repoRoot) {
  return readdirSync(join(root, 'src'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(root, 'src', name, `${name}.ts`)))
    .sort();
}
