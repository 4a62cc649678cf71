#!/usr/bin/env node
// Prints size and loading figures for the build. Figures only: it fails on a missed target
// only with --check.
// Usage: npm run bench [-- --no-build | --build] [-- --check] [-- <section file name part>]
//
// Each module in scripts/bench/ is one section, run in file-name order (add a file to add one):
//   export const title = 'Sizes';
//   export async function run(ctx) { ctx.table([...]); ctx.target('label', pass, figure); }
// ctx: { root, dist, line(text), table(rows), target(label, pass, figure), ratio(row), browser(),
//   serve, median(values) }
// Sections register rows of the closing "ours / peer" table with ctx.ratio (see below); timed
// figures are medians over repeated runs, warm-up runs left out, ours and the peer in turns.
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
const ratios = [];
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
  /**
   * A row of the closing "ours / peer" table. `ours` and `peer` in `unit`; `peer` left out where
   * there is none (the target is then on `ours` alone). `target`: `ratio` (ours / peer at most),
   * `max` (ours at most), `below` (ours under); `runs`: how many runs the figures are medians
   * of; `failure`: why there is no figure. Returns whether the row meets its target.
   * @param {{ label: string, ours?: number, peer?: number, unit: string, runs?: number,
   *   target?: { ratio?: number, max?: number, below?: number }, failure?: string }} row
   */
  ratio(row) {
    const { ours, peer, target = {} } = row;
    const have = (value) => typeof value === 'number' && Number.isFinite(value);
    const ratio = have(ours) && have(peer) && peer > 0 ? ours / peer : undefined;
    const pass =
      !row.failure &&
      have(ours) &&
      (target.ratio === undefined || (ratio !== undefined && ratio <= target.ratio)) &&
      (target.max === undefined || ours <= target.max) &&
      (target.below === undefined || ours < target.below);
    ratios.push({ ...row, ratio, pass });
    return pass;
  },
  browser: () => (chromium ??= launchChromium()),
  serve,
  median,
};

const sectionDir = join(repoRoot, 'scripts', 'bench');
const benchStarted = Date.now();
const files = readdirSync(sectionDir)
  .filter((file) => file.endsWith('.js') && (!only || file.includes(only)))
  .sort();
try {
  for (const file of files) {
    const section = await import(pathToFileURL(join(sectionDir, file)).href);
    const started = Date.now();
    console.log(`\n== ${section.title} ==`);
    try {
      await section.run(ctx);
    } catch (error) {
      // One broken section must not hide the figures of the others, nor the summary.
      ctx.target(`${file} ran to its end`, false, String(error?.message ?? error).split('\n')[0]);
    }
    console.log(`(${file}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
} finally {
  if (chromium) await (await chromium).close();
}

if (ratios.length) {
  console.log('\n== Summary: ours / peer ==');
  ctx.table([
    ['comparison', 'runs', 'ours', 'peer', 'ours / peer', 'target', ''],
    ...ratios.map((row) => [
      row.label,
      row.runs ? `median of ${row.runs}` : '-',
      figure(row.ours, row.unit),
      row.peer === undefined ? '-' : figure(row.peer, row.unit),
      row.ratio === undefined ? '-' : row.ratio.toFixed(3),
      targetText(row),
      row.pass ? 'PASS' : 'FAIL',
    ]),
  ]);
  // Why rows have no figure, each reason once (one failed page fails several rows).
  const reasons = new Map();
  for (const row of ratios.filter((r) => r.failure)) {
    reasons.set(row.failure, [...(reasons.get(row.failure) ?? []), row.label]);
  }
  for (const [reason, labels] of reasons) {
    const more = labels.length > 1 ? ` (and ${labels.length - 1} more)` : '';
    console.log(`  ${labels[0]}${more}: ${reason}`);
  }
}

const missed = targets.filter((target) => !target.pass);
const missedRows = ratios.filter((row) => !row.pass);
console.log(
  `\n${targets.length - missed.length} of ${targets.length} targets met; ` +
    `${ratios.length - missedRows.length} of ${ratios.length} summary rows pass ` +
    `(${((Date.now() - benchStarted) / 1000).toFixed(0)} s in all).`,
);
if (flag('--check') && missed.length + missedRows.length > 0) process.exitCode = 1;

/** The middle value (the mean of the two middle ones for an even count). */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `44.1 KB`, `85.3 ms`, `0.96 ms/s`, `1 request(s)`; `-` for no figure. */
function figure(value, unit) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '-';
  if (unit === 'ms/s') return `${value.toFixed(2)} ms/s`;
  if (unit === 'ms') return `${value.toFixed(value < 100 ? 1 : 0)} ms`;
  if (unit === 'KB') return `${value.toFixed(1)} KB`;
  if (unit === 'requests') return `${value} request${value === 1 ? '' : 's'}`;
  return `${value} ${unit}`;
}

function targetText({ target = {}, unit }) {
  const parts = [];
  if (target.ratio !== undefined) parts.push(`ratio ≤ ${Number(target.ratio.toFixed(3))}`);
  if (target.max !== undefined) parts.push(`≤ ${figure(target.max, unit)}`);
  if (target.below !== undefined) parts.push(`< ${figure(target.below, unit)}`);
  return parts.join(', ') || '-';
}
