import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/** What dist/ is built from: a change to any of them makes dist/ stale. */
const INPUTS = [
  'src',
  'build',
  'package.json',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.build.json',
];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * Runs `npm run build` when dist/ is missing or older than what it is built from, so that the
 * scripts that test the built package (test-dist.js, check-pack.js) build it once, not each time.
 * With `noBuild`, a stale dist/ ends the process instead.
 */
export function ensureBuilt({ noBuild = false } = {}) {
  const bundle = join(repoRoot, 'dist', 'ect-widgets.js');
  const inputs = INPUTS.map((name) => join(repoRoot, name)).filter(existsSync);
  const stale = !existsSync(bundle) || Math.max(...inputs.map(newest)) > statSync(bundle).mtimeMs;
  if (!stale) return;
  if (noBuild) {
    console.error(
      'dist/ is missing or older than the source: run npm run build, or drop --no-build',
    );
    process.exit(1);
  }
  console.log('dist/ is missing or older than the source: npm run build');
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
