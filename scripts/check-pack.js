#!/usr/bin/env node
// What `npm pack` puts in the package (npm run test:pack, part of npm test). Fails when:
// - a group of files is missing from the tarball or one more is in it: exactly the groups of
//   PACKED below (package.json's `files`, plus what npm always packs);
// - a file that package.json points at (`main`, `types`, `exports`, `bin`, `customElements`,
//   `web-types`, each element's `ect-widgets/<name>` entry) is not in it;
// - a packed module imports a package that is neither a dependency nor a peer dependency;
// - a dependency or peer dependency is pinned to one version (an app would get a second Lit);
// - a test or story file is packed, or `prepack` does not build.
// dist/ is built once, when it is missing or older than the source (scripts/lib/build.js); the
// dry run itself runs with --ignore-scripts, so it does not rebuild through `prepack` each time.
// Usage: node scripts/check-pack.js [--no-build]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { ensureBuilt } from './lib/build.js';
import { elementNames } from './lib/elements.js';
import { repoRoot } from './lib/paths.js';

/** The top-level entries of the tarball, and why each is there (docs/releasing.md lists them). */
const PACKED = {
  'dist/': 'dist/ect-widgets.js with dist/chunks/, and dist/lib/ (modules and types for bundlers)',
  'server/': 'the presence server: the ect-presence bin and ect-widgets/presence-server',
  'custom-elements.json': 'the manifest',
  'vscode.html-custom-data.json': 'VS Code HTML custom data',
  'vscode.css-custom-data.json': 'VS Code CSS custom data',
  'web-types.json': 'JetBrains web-types',
  'README.md': 'always packed by npm',
  LICENSE: 'always packed by npm',
  'CHANGELOG.md': 'the changes of each version',
  'package.json': 'always packed by npm',
};

/** A bare specifier: a package name (scoped or not), maybe with a path inside the package. */
const PACKAGE_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w./-]*)?$/;

const failures = [];
const fail = (message) => failures.push(message);

ensureBuilt({ noBuild: process.argv.includes('--no-build') });

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const dryRun = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
  cwd: repoRoot,
  encoding: 'utf8',
});
if (dryRun.status !== 0) {
  console.error(dryRun.stderr);
  process.exit(dryRun.status ?? 1);
}
const [pack] = JSON.parse(dryRun.stdout);
const paths = new Set(pack.files.map((file) => file.path));

// Groups: a file at the top, or a top-level folder.
const groupOf = (path) => (path.includes('/') ? `${path.split('/')[0]}/` : path);
const groups = new Map();
for (const path of paths) groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + 1);
for (const group of Object.keys(PACKED)) {
  if (!groups.has(group)) fail(`missing from the package: ${group} (${PACKED[group]})`);
}
for (const group of groups.keys()) {
  if (!(group in PACKED)) fail(`packed but not expected: ${group}`);
}

// Every file package.json points at.
const pointedAt = [
  pkg.main,
  pkg.module,
  pkg.types,
  pkg.customElements,
  pkg['web-types'],
  ...Object.values(pkg.bin ?? {}),
  ...exportTargets(pkg.exports).filter((target) => !target.includes('*')),
  ...elementNames().flatMap((name) => [
    `dist/lib/${name}/${name}.js`,
    `dist/lib/${name}/${name}.d.ts`,
  ]),
];
for (const target of pointedAt) {
  const path = target.replace(/^\.\//, '');
  if (!paths.has(path)) fail(`package.json points at ${path}, which is not packed`);
}

// Bare imports of the modules a bundler or Node resolves (dist/lib/, server/): a dependency, a
// peer dependency or a Node built-in. dist/ect-widgets.js and dist/chunks/ import nothing bare
// (build/plugins/check-bundle.ts).
const declared = new Set([
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
]);
const builtins = new Set(builtinModules);
for (const path of paths) {
  if (!/^(dist\/lib|server)\/.*\.js$/.test(path)) continue;
  const code = readFileSync(join(repoRoot, path), 'utf8');
  const specifiers = [
    ...code.matchAll(/\bfrom\s*["']([^"']+)["']/g),
    ...code.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...code.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
  ].map((match) => match[1]);
  for (const specifier of specifiers) {
    if (!PACKAGE_NAME.test(specifier)) continue;
    const name = specifier
      .split('/')
      .slice(0, specifier.startsWith('@') ? 2 : 1)
      .join('/');
    if (!declared.has(name) && !builtins.has(name)) {
      fail(`${path} imports ${specifier}, but ${name} is not a dependency`);
    }
  }
}

for (const field of ['dependencies', 'peerDependencies']) {
  for (const [name, range] of Object.entries(pkg[field] ?? {})) {
    if (/^=?\d+\.\d+\.\d+$/.test(range))
      fail(`${field}: ${name} ${range} is one version, not a range`);
  }
}
for (const path of paths) {
  if (/\.(test|stories)\.|(^|\/)test\//.test(path)) fail(`packed a test or story file: ${path}`);
}
if (!/\bnpm run build\b/.test(pkg.scripts?.prepack ?? '')) {
  fail('scripts.prepack does not run npm run build: a fresh clone would pack no dist/');
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const summary = [...groups].map(([group, count]) => (count > 1 ? `${group} (${count})` : group));
console.log(
  `npm pack: ${pack.entryCount} files, ${kB(pack.size)} packed, ${kB(pack.unpackedSize)} ` +
    `unpacked: ${summary.join(', ')}`,
);
if (failures.length > 0) {
  for (const failure of failures) console.error(`  FAIL ${failure}`);
  process.exit(1);
}
console.log(`every file package.json points at is packed; imports are declared dependencies`);

/** The file paths of an `exports` map, however nested its conditions. */
function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(exportTargets);
  return [];
}
