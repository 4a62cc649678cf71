/**
 * Registers a custom element unless the tag is taken already, so the bundle loaded twice,
 * or two versions of the library on one page, never throws. Same shape as Lit's
 * `@customElement`, which throws on a second definition.
 */
export const customElement =
  (tagName: string) =>
  (constructor: CustomElementConstructor): void => {
    if (!customElements.get(tagName)) customElements.define(tagName, constructor);
  };
