import { readFileSync } from 'node:fs';
import { defineElementPlugin } from './scripts/cem-define-element.js';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

/**
 * `npm run analyze` writes custom-elements.json from the JSDoc of the element classes
 * (`@summary`, `@fires`, `@slot`, `@csspart`, `@cssproperty`) and their Lit properties, and from
 * it the editor data of the package: `vscode.html-custom-data.json` and
 * `vscode.css-custom-data.json` (VS Code) and `web-types.json` (JetBrains IDEs), see
 * docs/embedding.md. `npm run manifest:check` (scripts/check-manifest.js) fails when any of
 * them is stale.
 */

/** Each element's page in the docs, linked from the editor's hover. */
const docsUrl = (tag) =>
  `https://github.com/ect-widgets/ect-widgets/blob/main/docs/${tag.replace(/^ect-/, '')}.md`;

/**
 * Options of the two editor-data plugins, also read by scripts/check-manifest.js. The check sets
 * ECT_EDITOR_DATA=off so that the plugins write nothing while it compares.
 */
export const editorData = {
  vsCode: {
    outdir: '.',
    htmlFileName: 'vscode.html-custom-data.json',
    cssFileName: 'vscode.css-custom-data.json',
    referencesTemplate: (_name, tag) => [{ name: 'Documentation', url: docsUrl(tag) }],
  },
  jetBrains: {
    outdir: '.',
    webTypesFileName: 'web-types.json',
    // package.json already names web-types.json; the plugin would otherwise rewrite it.
    packageJson: false,
    referenceTemplate: (_name, tag) => ({ name: 'Documentation', url: docsUrl(tag) }),
  },
};
const skip = process.env.ECT_EDITOR_DATA === 'off';
export default {
  // The element folders, and the base class whose attributes they inherit: the layers below
  // (feed, format, the rest of the element kit) hold no public elements, and leaving them out
  // keeps the manifest from going stale on every change there.
  globs: ['src/*/*.ts'],
  exclude: [
    'src/feed/**',
    'src/format/**',
    'src/element/!(feed-element).ts',
    'src/generated/**',
    'src/**/*.test.ts',
    'src/**/*.stories.ts',
    'src/**/test/**',
    'src/**/test-*.ts',
    'src/**/*-test-*.ts',
  ],
  outdir: '.',
  litelement: true,
  // package.json already names custom-elements.json; the analyzer would otherwise rewrite it.
  packagejson: false,
  // Sorted, so the manifest does not depend on the order the file system lists files in.
  overrideModuleCreation: ({ ts, globs }) =>
    [...globs]
      .sort()
      .map((path) =>
        ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2015, true),
      ),
  plugins: [
    defineElementPlugin(),
    {
      // `this.dispatchEvent(new EctSelectEvent(…))` is found without a name (the name is set in
      // the event's constructor); the element's `@fires` tags already document every event.
      name: 'drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) {
              declaration.events = declaration.events.filter((event) => event.name);
            }
          }
        }
      },
    },
    // Last, so that they see the finished manifest.
    customElementVsCodePlugin({ ...editorData.vsCode, skip, hideLogs: true }),
    customElementJetBrainsPlugin({ ...editorData.jetBrains, skip, hideLogs: true }),
  ],
};
