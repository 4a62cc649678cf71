import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

/**
 * Storybook 10, configured by hand (never `storybook add`: it calls `npx playwright install`,
 * which fails offline). Builds offline: `npm run build-storybook`, then `npm run test:stories`.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // Telemetry costs seconds per run and needs the network.
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      // rxjs resolves to its ES5 build without 'es2015'.
      resolve: { conditions: [...defaultClientConditions, 'es2015'] },
      // Pre-bundled up front, so the dev server does not re-optimise mid-run and load two Lits.
      optimizeDeps: { include: ['lit/directive-helpers.js', '@storybook/web-components-vite'] },
    }),
};

export default config;
