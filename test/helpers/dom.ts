/** Reading an element's shadow DOM in tests, as a user would see it. */
import { waitUntil } from '@open-wc/testing';

export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** The first match in the element's shadow root. */
export const one = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  shadow(el).querySelector<T>(selector);

/** Every match in the element's shadow root. */
export const all = (el: Element, selector: string): HTMLElement[] => [
  ...shadow(el).querySelectorAll<HTMLElement>(selector),
];

/** The text of a node with its whitespace collapsed, as it reads. */
export const text = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Waits until the element reflects `state` (the feed has answered), then for its render. */
export async function ready<T extends HTMLElement & { updateComplete: Promise<boolean> }>(
  el: T,
  state = 'ready',
): Promise<T> {
  await waitUntil(() => el.getAttribute('state') === state, `state never became ${state}`, {
    timeout: 5000,
  });
  await el.updateComplete;
  return el;
}
