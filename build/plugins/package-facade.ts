/**
 * The entry of a package chunk built by ./lazy-packages.ts: `export *` from the package plus its
 * default export, if it has one, so `import('<package>')` gives the same namespace as before.
 */
import type { Plugin } from 'vite';

/** The library entry of a package chunk's build (Vite makes it a path in the root). */
export const FACADE = 'ect-lazy-facade';

export function packageFacade(name: string): Plugin {
  return {
    name: 'ect-package-facade',
    enforce: 'pre',
    resolveId: (source) => (source.endsWith(FACADE) ? `\0${FACADE}` : null),
    async load(id) {
      if (id !== `\0${FACADE}`) return null;
      const resolved = await this.resolve(name);
      if (!resolved) throw new Error(`cannot resolve ${name}`);
      // A CommonJS module shows no static exports; its `module.exports` becomes `default`.
      const { exports } = await this.load({ id: resolved.id });
      const source = JSON.stringify(resolved.id);
      const lines = [`export * from ${source};`];
      if (exports.length === 0 || exports.includes('default')) {
        lines.push(`export { default } from ${source};`);
      }
      return lines.join('\n');
    },
  };
}
