/**
 * The one Trusted Types policy of ect-widgets. Under `require-trusted-types-for 'script'`,
 * `DOMParser.parseFromString` is a sink that only takes TrustedHTML; the policy passes feed
 * text through unchanged because a DOMParser document is inert (no script runs, nothing loads)
 * and every value read from it is escaped or sanitized before it reaches the page.
 */

/** The parts of the Trusted Types API used here (TypeScript's DOM types do not have them). */
export interface TrustedPolicy {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}

interface TrustedTypeFactory {
  createPolicy(
    name: string,
    rules: { createHTML(input: string): string; createScriptURL(input: string): string },
  ): TrustedPolicy;
}

let policy: TrustedPolicy | null | undefined;

/**
 * The `ect-widgets` policy, created on first use; `null` where the browser has no Trusted Types
 * or the name is taken (a second copy of the library on the page, without `allow-duplicates`).
 * Module-private to the library: it is never exported from a public entry point.
 */
export function trustedTypesPolicy(): TrustedPolicy | null {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: TrustedTypeFactory }).trustedTypes;
    try {
      policy =
        factory?.createPolicy('ect-widgets', {
          createHTML: (input) => input,
          // Nothing here loads scripts; refuse rather than bless a script URL.
          createScriptURL: () => {
            throw new TypeError('ect-widgets creates no script URLs');
          },
        }) ?? null;
    } catch {
      policy = null;
    }
  }
  return policy;
}
