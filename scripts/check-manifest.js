#!/usr/bin/env node
// Fails when custom-elements.json differs from what the analyzer makes of the current source, or
// the editor data made from it (vscode.html-custom-data.json, vscode.css-custom-data.json,
// web-types.json: the plugins in custom-elements-manifest.config.js) from what it would make now.
// Usage: node scripts/check-manifest.js   (npm run manifest:check)
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { elementNames } from './lib/elements.js';
import { repoRoot } from './lib/paths.js';

process.chdir(repoRoot);
// The editor-data plugins write their files themselves: off while checking (see the config).
process.env.ECT_EDITOR_DATA = 'off';
const fresh = await cli({ argv: ['analyze', '--quiet'], cwd: repoRoot, noWrite: true });
const committedPath = join(repoRoot, 'custom-elements.json');
const committed = existsSync(committedPath)
  ? JSON.parse(readFileSync(committedPath, 'utf8'))
  : { modules: [] };

const elements = fresh.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
const undocumented = elements.filter((d) => !d.summary).map((d) => d.tagName);

// Every element folder's tag is in the manifest (an analyzer plugin that stops recognising the
// elements would otherwise leave an empty, "current" manifest).
const missing = elementNames().filter((name) => !elements.some((d) => d.tagName === `ect-${name}`));
if (missing.length > 0) {
  console.error(`No element found by the analyzer in src/${missing.join(', src/')}.`);
  process.exitCode = 1;
}
if (undocumented.length > 0) {
  console.error(`No @summary in the JSDoc of ${undocumented.join(', ')}.`);
  process.exitCode = 1;
}
if (JSON.stringify(committed) === JSON.stringify(fresh)) {
  console.log(`custom-elements.json is current (${elements.map((d) => d.tagName).join(', ')}).`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'ect-manifest-'));
  writeFileSync(join(dir, 'custom-elements.json'), `${JSON.stringify(fresh, null, 2)}\n`);
  console.error('custom-elements.json is out of date: run npm run analyze');
  for (const line of moduleDiff(committed.modules ?? [], fresh.modules ?? [])) {
    console.error(`  ${line}`);
  }
  console.error(`  (the fresh manifest is in ${dir}/custom-elements.json)`);
  process.exitCode = 1;
}

// The editor data, as the plugins would write it from the fresh manifest (imported here, after
// the chdir: the JetBrains plugin reads the name and version from ./package.json when loaded).
const { editorData } = await import('../custom-elements-manifest.config.js');
const { getVsCodeHtmlCustomData, getVsCodeCssCustomData } =
  await import('custom-element-vs-code-integration');
const { getWebTypesData } = await import('custom-element-jet-brains-integration');
const editorFiles = {
  [editorData.vsCode.htmlFileName]: getVsCodeHtmlCustomData(fresh, editorData.vsCode),
  [editorData.vsCode.cssFileName]: getVsCodeCssCustomData(fresh, editorData.vsCode),
  [editorData.jetBrains.webTypesFileName]: getWebTypesData(fresh, editorData.jetBrains),
};
/** Whether the committed file holds the same JSON (the plugins' own formatting aside). */
function sameJson(name, text) {
  try {
    const committed = JSON.parse(readFileSync(join(repoRoot, name), 'utf8'));
    return JSON.stringify(committed) === JSON.stringify(JSON.parse(text));
  } catch {
    return false;
  }
}
const staleEditorFiles = Object.keys(editorFiles).filter(
  (name) => !sameJson(name, editorFiles[name]),
);
if (staleEditorFiles.length > 0) {
  console.error(`${staleEditorFiles.join(', ')} out of date: run npm run analyze`);
  process.exitCode = 1;
} else {
  console.log(`editor data is current (${Object.keys(editorFiles).join(', ')}).`);
}

/** One line per module that was added, removed or changed. */
function moduleDiff(before, after) {
  const old = new Map(before.map((m) => [m.path, JSON.stringify(m)]));
  const now = new Map(after.map((m) => [m.path, JSON.stringify(m)]));
  const lines = [];
  for (const [path, text] of now) {
    if (!old.has(path)) lines.push(`added    ${path}`);
    else if (old.get(path) !== text) lines.push(`changed  ${path}`);
  }
  for (const path of old.keys()) if (!now.has(path)) lines.push(`removed  ${path}`);
  return lines;
}
