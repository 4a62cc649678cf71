#!/usr/bin/env node
// Writes docs/api.md from custom-elements.json: per element its attributes, properties, methods,
// events, slots, CSS parts and CSS custom properties. The API reference is never typed by hand:
// change the JSDoc in src/<element>/<element>.ts, then `npm run analyze` and `npm run docs`.
// Usage: node scripts/docs.js            write docs/api.md
//        node scripts/docs.js --check    fail when docs/api.md differs from what it would write
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './lib/paths.js';

const manifestPath = join(repoRoot, 'custom-elements.json');
const outPath = join(repoRoot, 'docs', 'api.md');

/** Table cell text: one line, pipes escaped (also inside code spans, as GitHub tables need). */
const cell = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

const code = (text) => (text ? `\`${cell(text)}\`` : '');

/** A Markdown table; columns empty in every row are left out. */
function table(headers, rows) {
  if (rows.length === 0) return [];
  const keep = headers.map((_, i) => i === 0 || rows.some((row) => row[i]));
  const pick = (row) => row.filter((_, i) => keep[i]);
  return [
    `| ${pick(headers).join(' | ')} |`,
    `| ${pick(headers)
      .map(() => '---')
      .join(' | ')} |`,
    ...rows.map((row) => `| ${pick(row).join(' | ')} |`),
    '',
  ];
}

function section(title, lines) {
  return lines.length ? [`### ${title}`, '', ...lines] : [];
}

const isPublic = (member) =>
  !member.static &&
  (member.privacy ?? 'public') === 'public' &&
  !member.name.startsWith('_') &&
  !member.name.startsWith('#');

/** The bundler import that registers only this element: `ect-widgets/<folder>`. */
function entryOf(modulePath) {
  const match = /^src\/([^/]+)\/\1\.ts$/.exec(modulePath);
  return match ? `ect-widgets/${match[1]}` : undefined;
}

function elementDocs(element, modulePath) {
  const tag = element.tagName;
  const fields = (element.members ?? []).filter((m) => m.kind === 'field' && isPublic(m));
  const methods = (element.members ?? []).filter((m) => m.kind === 'method' && isPublic(m));
  const entry = entryOf(modulePath);
  const lines = [`## \`<${tag}>\``, ''];
  if (element.summary) lines.push(element.summary, '');
  if (element.description) lines.push(element.description, '');
  lines.push(
    `Class \`${element.name}\` in \`${modulePath}\`` +
      (entry ? `; \`import '${entry}'\` registers only this element.` : '.'),
    '',
  );
  lines.push(
    ...section(
      'Attributes',
      table(
        ['attribute', 'property', 'type', 'default', 'description'],
        (element.attributes ?? []).map((a) => [
          code(a.name),
          code(a.fieldName),
          code(a.type?.text),
          code(a.default),
          cell(a.description),
        ]),
      ),
    ),
  );
  lines.push(
    ...section(
      'Properties',
      table(
        ['property', 'attribute', 'type', 'default', 'description'],
        fields.map((f) => [
          code(f.name) + (f.readonly ? ' (read-only)' : ''),
          code((element.attributes ?? []).find((a) => a.fieldName === f.name)?.name),
          code(f.type?.text),
          code(f.default),
          cell(f.description),
        ]),
      ),
    ),
  );
  lines.push(
    ...section(
      'Methods',
      table(
        ['method', 'returns', 'description'],
        methods.map((m) => [
          code(
            `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}: ${p.type?.text ?? 'unknown'}`).join(', ')})`,
          ),
          code(m.return?.type?.text),
          cell(m.description),
        ]),
      ),
    ),
  );
  lines.push(
    ...section(
      'Events',
      table(
        ['event', 'type', 'description'],
        (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
      ),
    ),
  );
  lines.push(
    ...section(
      'Slots',
      table(
        ['slot', 'description'],
        (element.slots ?? []).map((s) => [
          s.name ? code(s.name) : '(default)',
          cell(s.description),
        ]),
      ),
    ),
  );
  lines.push(
    ...section(
      'CSS parts',
      table(
        ['part', 'description'],
        (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
      ),
    ),
  );
  lines.push(
    ...section(
      'CSS custom properties',
      table(
        ['property', 'default', 'description'],
        (element.cssProperties ?? []).map((p) => [
          code(p.name),
          code(p.default),
          cell(p.description),
        ]),
      ),
    ),
  );
  return lines;
}

/** The whole of docs/api.md for a manifest. */
function apiMarkdown(manifest) {
  const elements = (manifest.modules ?? [])
    .flatMap((module) =>
      (module.declarations ?? []).map((declaration) => ({ declaration, path: module.path })),
    )
    .filter(({ declaration }) => declaration.tagName)
    .sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));
  const lines = [
    '# API reference',
    '',
    '<!-- Generated by scripts/docs.js from custom-elements.json: do not edit. -->',
    '',
    'Generated from `custom-elements.json`, which is generated from the JSDoc of the element',
    'classes: edit `src/<element>/<element>.ts`, then run `npm run analyze` and `npm run docs`.',
    'Every element also has the shared behaviour described in [embedding.md](embedding.md) and',
    '[feeds.md](feeds.md); theming is through the CSS custom properties and `::part()` names below.',
    '',
  ];
  if (elements.length === 0) lines.push('No elements in custom-elements.json yet.', '');
  else {
    lines.push(
      elements.map(({ declaration: { tagName } }) => `[\`<${tagName}>\`](#${tagName})`).join(' · '),
      '',
    );
  }
  for (const { declaration, path } of elements) lines.push(...elementDocs(declaration, path));
  return `${lines.join('\n').trimEnd()}\n`;
}

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const fresh = apiMarkdown(manifest);
if (process.argv.includes('--check')) {
  const current = existsSync(outPath) ? readFileSync(outPath, 'utf8') : '';
  if (current === fresh) {
    console.log('docs/api.md is current.');
  } else {
    console.error(
      'docs/api.md is out of date with custom-elements.json: run npm run docs (node scripts/docs.js)',
    );
    process.exitCode = 1;
  }
} else {
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, fresh);
  console.log(`wrote docs/api.md (${fresh.split('\n').length} lines)`);
}
