/**
 * Registers a custom element unless the tag is taken already, so the bundle loaded twice,
 * or two versions of the library on one page, never throws. Used as Lit's `@customElement`
 * is, which throws on a second definition (hence its own name).
 */
export const defineElement =
  (tagName: string) =>
  (constructor: CustomElementConstructor): void => {
    if (!customElements.get(tagName)) customElements.define(tagName, constructor);
  };
