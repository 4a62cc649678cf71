/**
 * The Content-Security-Policy of the built demo pages (./built-bundle-plugin.ts adds it to each):
 * strict, with Trusted Types, as docs/security.md promises the elements work under it.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self' https:",
  "object-src 'none'",
  "base-uri 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html dompurify ect-widgets',
].join('; ');
