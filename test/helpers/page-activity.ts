/**
 * Simulates the page being hidden or shown, offline or online: overrides the instance
 * properties the feed layer reads and dispatches the events a browser would.
 */
function override(target: object, name: string, value: unknown) {
  Object.defineProperty(target, name, { configurable: true, get: () => value });
}

export function hidePage(): void {
  override(document, 'visibilityState', 'hidden');
  override(document, 'hidden', true);
  document.dispatchEvent(new Event('visibilitychange'));
}

export function showPage(): void {
  const wasHidden = document.visibilityState === 'hidden';
  delete (document as unknown as Record<string, unknown>).visibilityState;
  delete (document as unknown as Record<string, unknown>).hidden;
  if (wasHidden) document.dispatchEvent(new Event('visibilitychange'));
}

export function setOnline(online: boolean): void {
  const was = navigator.onLine;
  if (online) delete (navigator as unknown as Record<string, unknown>).onLine;
  else override(navigator, 'onLine', false);
  if (was !== online) window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}
