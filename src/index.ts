/** Registers every ect-widgets element. `dist/ect-widgets.js` is this module bundled. */
export * from './feed.js';
