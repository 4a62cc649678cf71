#!/usr/bin/env node
// Prints size and loading figures for the build. Figures only: it fails on a missed target
// only with --check.
// Usage: npm run bench [-- --no-build | --build] [-- --check] [-- <section file name part>]
//
// Each module in scripts/bench/ is one section, run in file-name order (add a file to add one):
//   export const title = 'Sizes';
//   export async function run(ctx) { ctx.table([...]); ctx.target('label', pass, figure); }
// ctx: { root, dist, line(text), table(rows), target(label, pass, figure), browser(), serve }
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './lib/chromium.js';
import { repoRoot } from './lib/paths.js';
import { serve } from './lib/serve.js';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const only = args.find((arg) => !arg.startsWith('--'));
const dist = join(repoRoot, 'dist');

const built = ['ect-widgets.js', 'lib/index.js'].every((file) => existsSync(join(dist, file)));
if (flag('--build') || (!built && !flag('--no-build'))) {
  console.log('Building (npm run build)…');
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
} else if (!built) {
  console.error('dist/ is not built: run npm run build, or drop --no-build');
  process.exit(1);
}

const targets = [];
let chromium;
const ctx = {
  root: repoRoot,
  dist,
  line: (text = '') => console.log(text),
  /** Rows of cells; the first row is the header. Columns after the first are right-aligned. */
  table(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
    for (const row of rows) {
      const cells = row.map((cell, i) =>
        i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]),
      );
      console.log(`  ${cells.join('  ')}`);
    }
  },
  target(label, pass, figure) {
    targets.push({ label, pass });
    console.log(`${label}: ${pass ? 'PASS' : 'FAIL'}${figure ? ` (${figure})` : ''}`);
  },
  browser: () => (chromium ??= launchChromium()),
  serve,
};

const sectionDir = join(repoRoot, 'scripts', 'bench');
const files = readdirSync(sectionDir)
  .filter((file) => file.endsWith('.js') && (!only || file.includes(only)))
  .sort();
try {
  for (const file of files) {
    const section = await import(pathToFileURL(join(sectionDir, file)).href);
    const started = Date.now();
    console.log(`\n== ${section.title} ==`);
    await section.run(ctx);
    console.log(`(${file}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
} finally {
  if (chromium) await (await chromium).close();
}

const missed = targets.filter((target) => !target.pass);
console.log(`\n${targets.length - missed.length} of ${targets.length} targets met.`);
if (flag('--check') && missed.length > 0) process.exitCode = 1;
