/**
 * The Lit controller that binds an element to its feed (the `src` attribute, inline data or the
 * `data` property), and the helpers around it: inline-data scripts, fallback content, events.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  BehaviorSubject,
  Observable,
  Subscription,
  distinctUntilChanged,
  defer,
  from,
  map,
  switchMap,
} from 'rxjs';
import { dropCachedFeed } from '../feed/cache.js';
import { nextTask } from '../feed/tasks.js';
import { EctErrorEvent, EctLoadEvent } from '../feed/events.js';
import {
  feed$,
  feedKey,
  refreshFeed,
  isEmptyData,
  type FeedRequest,
  type FeedSnapshot,
} from '../feed/stream.js';
import {
  formatOfUrl,
  INLINE_TYPES,
  parseFeed,
  parseFeedData,
  preloadParser,
} from '../feed/parse/index.js';
import { preloadParsersFor } from '../feed/parse/parsers.js';
import {
  FeedError,
  type FeedData,
  type FeedFormat,
  type FeedFormatOption,
  type FeedKind,
  type ReportOptions,
} from '../feed/types.js';

/** The attributes every element shares (docs/contract.md: src, format, refresh, proxy, data). */
export interface FeedHost extends ReactiveControllerHost, HTMLElement {
  src?: string | null;
  format?: FeedFormatOption | null;
  refresh?: number | null;
  proxy?: string | null;
  data?: unknown;
  /** Follow `src` as a live stream instead of polling it (when the element offers `live`). */
  live?: boolean | null;
  /** The ECT report's reference files and province (when the element reads `ect-report`). */
  refs?: string | null;
  province?: string | null;
}

const INLINE_SELECTOR = Object.keys(INLINE_TYPES)
  .map((type) => `:scope > script[type="${type}"]`)
  .join(',');

/** The inline-data `<script>` child of an element, if any. */
export function inlineScript(host: Element): HTMLScriptElement | null {
  return host.querySelector<HTMLScriptElement>(INLINE_SELECTOR);
}

/**
 * Light-DOM content other than inline data and named-slot content (a ticker's `slot="label"`):
 * the webmaster's progressive fallback.
 */
export function hasFallbackContent(host: Element): boolean {
  return [...host.childNodes].some((node) =>
    node instanceof Element
      ? node.localName !== 'script' && !node.slot
      : node.nodeType === Node.TEXT_NODE && !!node.textContent?.trim(),
  );
}

/**
 * The `onChange` an element passes to its controller to fire the public events: `ect-load`
 * when different data is shown, `ect-error` when a new failure happens.
 */
export function dispatchFeedEvents(host: HTMLElement) {
  return (snapshot: FeedSnapshot, previous: FeedSnapshot): void => {
    if (snapshot.data && snapshot.data !== previous.data && snapshot.source) {
      host.dispatchEvent(new EctLoadEvent({ data: snapshot.data, source: snapshot.source }));
    }
    if (snapshot.error && snapshot.error !== previous.error) {
      const { message, details } = snapshot.error;
      host.dispatchEvent(
        new EctErrorEvent({ message, code: details.code ?? 'unknown', error: snapshot.error }),
      );
    }
  };
}

/** Where the host's feed comes from, as read from its attributes and children. */
type FeedSource =
  | { kind: 'none' }
  | {
      kind: 'url';
      url: string;
      format: FeedFormatOption;
      proxy: string | null;
      refresh: number;
      live: boolean;
      report?: ReportOptions;
    }
  | { kind: 'inline'; text: string; format: FeedFormatOption; report?: ReportOptions }
  | { kind: 'data'; value: unknown };

const KIND_NAMES: Record<FeedKind, string> = {
  items: 'news items (RSS, Atom, JSON Feed or JSON items)',
  events: 'calendar events (iCalendar or JSON events)',
  results: 'election results (JSON or CSV)',
  counter: 'a visitor count (JSON or a number)',
};

/** Formats that give one kind of data, and that kind. */
const FORMAT_KINDS = new Map<string, FeedKind>([
  ['rss', 'items'],
  ['atom', 'items'],
  ['jsonfeed', 'items'],
  ['ics', 'events'],
  ['csv', 'results'],
  ['ect-report', 'results'],
]);

export interface FeedControllerOptions<K extends FeedKind> {
  /** Kinds of data the element can show; any other is an error that says so. */
  kinds: readonly K[];
  /** Seconds between fetches when the `refresh` attribute is absent. */
  defaultRefresh: number;
  /** Called with every new snapshot, before the host re-renders (dispatch events here). */
  onChange?: (snapshot: FeedSnapshot, previous: FeedSnapshot) => void;
  /** The stream to follow instead of polling when the host's `live` is set (`live$` of sse.ts). */
  live?: (request: FeedRequest) => Observable<FeedSnapshot>;
}

/**
 * Binds an element to its feed: reads `src` / `format` / `refresh` / `proxy`, the `data`
 * property or an inline `<script>` child from the host, subscribes to the shared feed
 * stream while connected, and exposes the latest snapshot. A changed source switches the
 * stream: the old request is aborted and its late answer never shown.
 */
export class FeedController<K extends FeedKind> implements ReactiveController {
  snapshot: FeedSnapshot = { status: 'loading', version: 0 };
  private readonly sources = new BehaviorSubject<FeedSource>({ kind: 'none' });
  private subscription?: Subscription;

  constructor(
    private readonly host: FeedHost,
    private readonly options: FeedControllerOptions<K>,
  ) {
    host.addController(this);
  }

  get status() {
    return this.snapshot.status;
  }
  get data(): Extract<FeedData, { kind: K }> | undefined {
    return this.snapshot.data as Extract<FeedData, { kind: K }> | undefined;
  }
  get error() {
    return this.snapshot.error;
  }
  /** The kinds of data the element shows (its error messages name their formats). */
  get kinds(): readonly K[] {
    return this.options.kinds;
  }

  hostConnected(): void {
    this.sources.next(this.readSource());
    this.subscription = this.sources
      .pipe(
        distinctUntilChanged(sameSource),
        switchMap((source) => this.load(source)),
      )
      .subscribe((snapshot) => this.set(snapshot));
  }

  hostUpdate(): void {
    if (this.subscription) this.sources.next(this.readSource());
  }

  /** The reflected, read-only `state` attribute of docs/contract.md. */
  hostUpdated(): void {
    if (this.host.getAttribute('state') !== this.status)
      this.host.setAttribute('state', this.status);
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  /**
   * Removes the cached copy of the host's feed: data saved on an earlier visit that the host
   * could not show (another kind, a failed render) is not offered to the next visit.
   */
  forgetCachedData(source = this.sources.value): void {
    if (source.kind === 'url' && !source.live) dropCachedFeed(feedKey(source));
  }

  /** Fetch again now (the Retry button); inline data is parsed again. */
  retry(): void {
    const source = this.sources.value;
    if (source.kind === 'url' && !source.live) refreshFeed(source);
    else {
      this.sources.next({ kind: 'none' });
      this.sources.next(this.readSource());
    }
  }

  private readSource(): FeedSource {
    const host = this.host;
    if (host.data !== undefined && host.data !== null) return { kind: 'data', value: host.data };
    const src = host.src?.trim();
    if (src) {
      let url: string;
      try {
        url = new URL(src, document.baseURI).href;
      } catch {
        url = src;
      }
      const refresh = Number(host.refresh ?? this.options.defaultRefresh);
      return {
        kind: 'url',
        url,
        format: host.format || 'auto',
        proxy: host.proxy || null,
        refresh: Number.isFinite(refresh) && refresh >= 0 ? refresh : this.options.defaultRefresh,
        live: Boolean(host.live && this.options.live),
        report: reportOf(host),
      };
    }
    const script = inlineScript(host);
    if (script) {
      const typed = INLINE_TYPES[script.type];
      return {
        kind: 'inline',
        text: script.textContent ?? '',
        format: host.format && host.format !== 'auto' ? host.format : typed,
        report: reportOf(host),
      };
    }
    return { kind: 'none' };
  }

  private load(source: FeedSource): Observable<FeedSnapshot> {
    switch (source.kind) {
      case 'none':
        return from([{ status: 'empty', version: this.snapshot.version } satisfies FeedSnapshot]);
      case 'url':
        this.preload(source.format === 'auto' ? formatOfUrl(source.url) : source.format);
        return (source.live ? this.options.live! : feed$)(source).pipe(
          map((snapshot) => {
            const checked = this.checkKind(snapshot);
            if (checked !== snapshot && snapshot.source === 'cache') this.forgetCachedData(source);
            return checked;
          }),
        );
      case 'inline':
        this.preload(source.format);
        return this.parsed(() =>
          parseFeed(source.text, {
            format: source.format,
            baseUrl: document.baseURI,
            report: source.report,
          }),
        );
      case 'data':
        // Data set from script is untrusted too: normalized and sanitized like a JSON feed.
        return this.parsed(() => parseFeedData(source.value, document.baseURI));
    }
  }

  /**
   * Starts loading, beside the element's view and while its feed is on its way, the parser of
   * the feed's format when its name, `format` or inline type says it (and the element shows
   * that kind of data: any other feed is an error anyway), else the parsers of the kinds the
   * element shows (`preloadParsersFor`: RSS and JSON items for a list…).
   */
  private preload(option: FeedFormatOption | undefined): void {
    const format = String(option ?? '')
      .trim()
      .toLowerCase();
    const kind = FORMAT_KINDS.get(format);
    if (!kind) preloadParsersFor(this.options.kinds);
    else if ((this.options.kinds as readonly string[]).includes(kind)) {
      preloadParser(format as FeedFormat);
    }
  }

  private parsed(parse: () => Promise<FeedData>): Observable<FeedSnapshot> {
    const version = this.snapshot.version + 1;
    return defer(() =>
      parse().then(
        async (data): Promise<FeedSnapshot> => {
          // What comes of the data (the element's first render of it) in a task of its own,
          // as for a feed (src/feed/stream.ts).
          await nextTask();
          return { status: isEmptyData(data) ? 'empty' : 'ready', data, source: 'inline', version };
        },
        (error: unknown): FeedSnapshot => ({
          status: 'error',
          version,
          error:
            error instanceof FeedError
              ? error
              : new FeedError(String(error), { code: 'unknown', cause: error }),
        }),
      ),
    ).pipe(map((snapshot) => this.checkKind(snapshot)));
  }

  private checkKind(snapshot: FeedSnapshot): FeedSnapshot {
    const kind = snapshot.data?.kind;
    if (!kind || (this.options.kinds as readonly string[]).includes(kind)) return snapshot;
    const wanted = this.options.kinds.map((k) => KIND_NAMES[k]).join(' or ');
    return {
      status: 'error',
      version: snapshot.version,
      error: new FeedError(`This element shows ${wanted}; the feed has ${KIND_NAMES[kind]}`, {
        code: 'kind-mismatch',
        kind,
      }),
    };
  }

  private set(snapshot: FeedSnapshot): void {
    const previous = this.snapshot;
    this.snapshot = snapshot;
    this.options.onChange?.(snapshot, previous);
    this.host.requestUpdate();
  }
}

function sameSource(a: FeedSource, b: FeedSource): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'none':
      return true;
    case 'url': {
      const other = b as typeof a;
      return (
        a.url === other.url &&
        a.format === other.format &&
        a.proxy === other.proxy &&
        a.refresh === other.refresh &&
        a.live === other.live &&
        sameReport(a.report, other.report)
      );
    }
    case 'inline': {
      const other = b as typeof a;
      return (
        a.text === other.text && a.format === other.format && sameReport(a.report, other.report)
      );
    }
    case 'data':
      return a.value === (b as typeof a).value;
  }
}

/** The host's `refs` and `province`, when it sets either (the parser resolves `refs`). */
function reportOf({ refs, province }: FeedHost): ReportOptions | undefined {
  return refs || province
    ? { refs: refs || undefined, province: province || undefined }
    : undefined;
}

function sameReport(a?: ReportOptions, b?: ReportOptions): boolean {
  return a?.refs === b?.refs && a?.province === b?.province;
}
