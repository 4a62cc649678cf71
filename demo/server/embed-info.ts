/**
 * What demo/builder.html needs from the build (the builder takes the elements themselves from
 * custom-elements.json): the SRI hash of dist/ect-widgets.js, whether this version is on npm
 * (then the jsDelivr URL is the default; until then the self-hosted path is), every element's
 * first use in demo/index.html as an example, and the sample feeds. ./tool-pages-plugin.ts
 * writes it into the page as JSON.
 *
 * The hash is always of the current build: when dist/ect-widgets.js is missing or older than
 * the source, `npm run build` runs first (once at a time, a few seconds).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypeOf } from './feed-files.js';
import { elementUses, startTagAttributes } from './page-markup.js';

const repo = (file: string) => fileURLToPath(new URL(`../../${file}`, import.meta.url));

/** `sha384-…` of a file, as the `integrity` attribute takes it. */
const sriHash = (bytes: Buffer) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const pkg = JSON.parse(readFileSync(repo('package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** What the library build reads, as scripts/test-dist.js counts it. */
const BUILD_INPUTS = ['src', 'build', 'package.json', 'vite.config.ts', 'tsconfig.json'];

function newest(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newest(path.join(file, name))));
}

function isCurrent(bundle: string): boolean {
  if (!existsSync(bundle)) return false;
  const inputs = BUILD_INPUTS.map(repo).filter((file) => existsSync(file));
  return Math.max(...inputs.map(newest)) <= statSync(bundle).mtimeMs;
}

let building: Promise<string | undefined> | undefined;

/** Runs `npm run build` once at a time; resolves to its error output when it fails. */
function runBuild(): Promise<string | undefined> {
  building ??= new Promise<string | undefined>((resolve) => {
    console.log('[ect-demo] dist/ect-widgets.js is missing or older than src/: npm run build');
    // Vite's dev server sets NODE_ENV=development, which would make a different build.
    const env = { ...process.env };
    delete env.NODE_ENV;
    const child = spawn('npm', ['run', 'build', '--silent'], {
      cwd: repo(''),
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', (error) => resolve(error.message));
    child.on('close', (code) => resolve(code === 0 ? undefined : errors.trim() || `exit ${code}`));
  }).finally(() => (building = undefined));
  return building;
}

let published: Promise<boolean> | undefined;

/**
 * Whether this version is on npm (so jsDelivr serves it). `ECT_DEMO_PUBLISHED=1` or `0` says
 * so without asking; otherwise the registry is asked once per server, and no answer within
 * 3 s (offline) counts as not published.
 */
function isPublished(): Promise<boolean> {
  const forced = process.env.ECT_DEMO_PUBLISHED;
  if (forced === '1' || forced === '0') return Promise.resolve(forced === '1');
  published ??= fetch(`https://registry.npmjs.org/${pkg.name}/${pkg.version}`, {
    signal: AbortSignal.timeout(3000),
  }).then(
    (response) => response.ok,
    () => false,
  );
  return published;
}

export async function embedInfo() {
  const file = repo('dist/ect-widgets.js');
  const buildError = isCurrent(file) ? undefined : await runBuild();
  const built = existsSync(file);
  const feedsDir = repo('demo/feeds');
  return {
    name: pkg.name,
    version: pkg.version,
    published: await isPublished(),
    url: `https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/dist/ect-widgets.js`,
    integrity: built ? sriHash(readFileSync(file)) : null,
    builtAt: built ? statSync(file).mtime.toISOString() : null,
    buildError: buildError ?? null,
    examples: Object.fromEntries(
      [...elementUses()].map(([tag, markup]) => [tag, startTagAttributes(markup)]),
    ),
    feeds: readdirSync(feedsDir)
      .filter((name) => contentTypeOf(name, readFileSync(path.join(feedsDir, name))))
      .sort()
      .map((name) => `feeds/${name}`),
  };
}
