import { readFileSync } from 'node:fs';
import { defineElementPlugin } from './scripts/cem-define-element.js';

/**
 * `npm run analyze` writes custom-elements.json from the JSDoc of the element classes
 * (`@summary`, `@fires`, `@slot`, `@csspart`, `@cssproperty`) and their Lit properties.
 * `npm run manifest:check` (scripts/check-manifest.js) fails when the committed file is stale.
 */
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
  ],
};
