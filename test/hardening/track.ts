/**
 * Records what code running between `start()` and `stop()` leaves behind on the page: timers
 * and animation frames still pending, event listeners on objects that outlive an element
 * (window, document, nodes outside it, media queries), and observers still watching nodes
 * outside it. Timers the tests set through page.ts's `sleep` are not seen (it keeps the
 * browser's own setTimeout).
 */

interface Pending {
  kind: string;
  delay?: number;
  stack: string;
}

export interface Leftovers {
  timers: Pending[];
  listeners: string[];
  observers: string[];
}

const where = () =>
  (new Error().stack ?? '')
    .split('\n')
    .filter((line) => /\/(src|node_modules)\//.test(line))
    .slice(0, 4)
    .map((line) => line.trim())
    .join(' < ');

const describeTarget = (target: unknown): string =>
  target === window
    ? 'window'
    : target === document
      ? 'document'
      : target instanceof Element
        ? `<${target.localName}>`
        : Object.prototype.toString.call(target).slice(8, -1);

/**
 * Starts recording. `inside(node)` says which nodes belong to the elements under test:
 * listeners and observers on those go with them and are not counted.
 */
export function trackLeftovers(inside: (node: Node) => boolean) {
  const timers = new Map<number, Pending>();
  const frames = new Map<number, Pending>();
  const listeners = new Map<EventTarget, Map<string, string>>();
  const observed = new Map<object, Map<Node, string>>();

  // Listeners on nodes not yet in the page (a template being filled in) go with those nodes.
  const outside = (target: unknown) =>
    target instanceof Node
      ? target.isConnected && !inside(target)
      : !(target instanceof AbortSignal);

  type Timer = (handler: TimerHandler, delay?: number, ...args: unknown[]) => number;
  type Clear = (id?: number) => void;
  const win = window as unknown as Record<string, unknown>;
  const original = {
    setTimeout: window.setTimeout as unknown as Timer,
    clearTimeout: window.clearTimeout as Clear,
    setInterval: window.setInterval as unknown as Timer,
    clearInterval: window.clearInterval as Clear,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
    addEventListener: EventTarget.prototype.addEventListener,
    removeEventListener: EventTarget.prototype.removeEventListener,
  };
  const observerClasses = [MutationObserver, ResizeObserver, IntersectionObserver] as const;
  type Method = (this: object, ...args: unknown[]) => unknown;
  const observerMethods = observerClasses.map((type) => {
    const proto = type.prototype as unknown as Record<string, Method | undefined>;
    return {
      type,
      observe: proto.observe!,
      unobserve: proto.unobserve,
      disconnect: proto.disconnect!,
    };
  });

  win.setTimeout = (handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const id = original.setTimeout.call(
      window,
      (...callArgs: unknown[]) => {
        timers.delete(id);
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...callArgs);
      },
      delay,
      ...args,
    );
    timers.set(id, { kind: 'setTimeout', delay, stack: where() });
    return id;
  };
  win.setInterval = (handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const id = original.setInterval.call(window, handler, delay, ...args);
    timers.set(id, { kind: 'setInterval', delay, stack: where() });
    return id;
  };
  win.clearTimeout = (id?: number) => {
    if (id !== undefined) timers.delete(id);
    original.clearTimeout.call(window, id);
  };
  win.clearInterval = (id?: number) => {
    if (id !== undefined) timers.delete(id);
    original.clearInterval.call(window, id);
  };
  win.requestAnimationFrame = (callback: FrameRequestCallback) => {
    const id = original.requestAnimationFrame.call(window, (time) => {
      frames.delete(id);
      callback(time);
    });
    frames.set(id, { kind: 'requestAnimationFrame', stack: where() });
    return id;
  };
  win.cancelAnimationFrame = (id: number) => {
    frames.delete(id);
    original.cancelAnimationFrame.call(window, id);
  };

  const key = (type: string, options?: boolean | EventListenerOptions) =>
    `${type}|${typeof options === 'boolean' ? options : !!options?.capture}`;
  const ids = new WeakMap<object, number>();
  let next = 0;
  const idOf = (listener: unknown) => {
    if (typeof listener !== 'object' && typeof listener !== 'function') return 0;
    if (!ids.has(listener as object)) ids.set(listener as object, ++next);
    return ids.get(listener as object)!;
  };
  EventTarget.prototype.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (listener && outside(this)) {
      const byKey = listeners.get(this) ?? new Map<string, string>();
      byKey.set(`${key(type, options)}|${idOf(listener)}`, `${type} (${where()})`);
      listeners.set(this, byKey);
    }
    return original.addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    listeners.get(this)?.delete(`${key(type, options)}|${idOf(listener)}`);
    return original.removeEventListener.call(this, type, listener, options);
  };

  for (const { type, observe, unobserve, disconnect } of observerMethods) {
    const proto = type.prototype as unknown as Record<string, Method>;
    proto.observe = function (target: unknown, ...rest: unknown[]) {
      if (target instanceof Node && outside(target)) {
        const targets = observed.get(this) ?? new Map<Node, string>();
        targets.set(target, `${type.name} on ${describeTarget(target)} (${where()})`);
        observed.set(this, targets);
      }
      return observe.call(this, target, ...rest);
    };
    if (unobserve) {
      proto.unobserve = function (target: unknown) {
        observed.get(this)?.delete(target as Node);
        return unobserve.call(this, target);
      };
    }
    proto.disconnect = function () {
      observed.delete(this);
      return disconnect.call(this);
    };
  }

  return {
    /** Stops recording; returns what is still pending or attached. */
    stop(): Leftovers {
      Object.assign(win, {
        setTimeout: original.setTimeout,
        clearTimeout: original.clearTimeout,
        setInterval: original.setInterval,
        clearInterval: original.clearInterval,
        requestAnimationFrame: original.requestAnimationFrame,
        cancelAnimationFrame: original.cancelAnimationFrame,
      });
      EventTarget.prototype.addEventListener = original.addEventListener;
      EventTarget.prototype.removeEventListener = original.removeEventListener;
      for (const { type, observe, unobserve, disconnect } of observerMethods) {
        const proto = type.prototype as unknown as Record<string, unknown>;
        proto.observe = observe;
        if (unobserve) proto.unobserve = unobserve;
        proto.disconnect = disconnect;
      }
      return {
        timers: [...timers.values(), ...frames.values()],
        listeners: [...listeners].flatMap(([target, byKey]) =>
          [...byKey.values()].map((text) => `${describeTarget(target)}: ${text}`),
        ),
        observers: [...observed.values()].flatMap((targets) => [...targets.values()]),
      };
    },
  };
}
