// Do not modify this file by hand!
// Re-generate this file by running npm run localize:build (lit-localize, then
// scripts/split-locales.js).


/* eslint-disable no-irregular-whitespace */

export const templates = {
  'news-ticker.label': `ข่าวล่าสุด`,
  'news-ticker.urgent': `ด่วน`,
};
