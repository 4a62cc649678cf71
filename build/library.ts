/**
 * What the library build (vite.config.ts) shares with its plugins: the package chunks of
 * ./plugins/lazy-packages.ts are separate builds and must resolve and define exactly as it does.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, type ConfigEnv, type UserConfig } from 'vite';

/** The repository root. */
export const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** rxjs resolves to its ES5 build without 'es2015' (larger and slower). */
export const conditions = [...defaultClientConditions, 'es2015'];

/** Browsers have no `process`: a dependency testing process.env.NODE_ENV would throw there. */
export const define = { 'process.env.NODE_ENV': JSON.stringify('production') };

/** Storybook loads vite.config.ts too (without `build`); these plugins are for the bundle only. */
export const isLibraryBuild = (config: UserConfig, env: ConfigEnv) =>
  env.command === 'build' && Boolean(config.build?.lib);
