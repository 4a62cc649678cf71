/**
 * # The element kit: `ect-widgets/element`
 *
 * What the five elements share on top of the feed layer, built on Lit: the controller that binds
 * a feed to an element (feed-controller.ts), the lazily loaded templates (lazy-view.ts), the
 * language of an element and its messages (localize.ts, translations.ts, messages.ts), the
 * loading, empty, error and stale states (status.ts) with the sentence of a failed feed
 * (error-text.ts), host and view styles (styles.ts, view-styles.ts), guarded registration
 * (define.ts),
 * the `category` list attribute (category-list.ts), the rule for attribute values (attributes.ts)
 * and the UI events (events.ts). It imports src/feed/ and src/format/, never an element; each
 * element folder builds on it (docs/architecture.md).
 */
export { FeedController, type FeedHost, type FeedControllerOptions } from './feed-controller.js';
export {
  EctSelectEvent,
  EctMonthChangeEvent,
  type EctSelectDetail,
  type EctMonthChangeDetail,
} from './events.js';
