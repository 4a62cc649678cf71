/**
 * The reference files of the ECT's election report (`info_province.json`,
 * `info_constituency.json`, `info_party_overview.json`, `info_mp_candidate.json`,
 * `info_referendum.json`): fetched once per page per URL and shared by every element and every
 * refresh that needs them. A file that failed is forgotten, so the next refresh asks again.
 */
import { decodeFeedInTasks } from './decode.js';
import { fetchFeed, proxiedUrl } from './fetch.js';
import { LIMITS } from './limits.js';
import { nextTask } from './tasks.js';
import { FeedError, type FeedErrorInfo } from './types.js';

export type ReportRefName =
  | 'info_province'
  | 'info_constituency'
  | 'info_party_overview'
  | 'info_mp_candidate'
  | 'info_referendum';

const loaded = new Map<string, Promise<unknown>>();

/** The URL of reference file `name` under `base` (a folder URL; a missing `/` is added). */
export function refUrl(base: string, name: ReportRefName): string {
  return new URL(`${name}.json`, base.endsWith('/') ? base : `${base}/`).href;
}

/**
 * The parsed JSON of a reference file, fetched (through `proxy` when set) the first time any
 * element asks for it. Rejects with a FeedError that names the file (`code` as fetchFeed's, or
 * `too-large`, or `syntax`).
 */
export function loadRef(url: string, proxy?: string | null): Promise<unknown> {
  const key = proxiedUrl(url, proxy);
  let ref = loaded.get(key);
  if (!ref) {
    ref = readRef(url, proxy);
    loaded.set(key, ref);
    ref.catch(() => {
      if (loaded.get(key) === ref) loaded.delete(key);
    });
  }
  return ref;
}

async function readRef(url: string, proxy?: string | null): Promise<unknown> {
  const name = /[^/?#]*(?=[?#]|$)/.exec(url)?.[0] || url;
  try {
    const fetched = await fetchFeed(url, { proxy });
    const text = await decodeFeedInTasks(fetched.bytes, fetched.contentType);
    if (text.length > LIMITS.reportChars) {
      throw new FeedError('too large', {
        code: 'too-large',
        megabytes: Math.round(LIMITS.reportChars / 1_000_000),
      });
    }
    // The national candidate file is about 0.9 MB: its parse gets a task of its own.
    await nextTask();
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const details: FeedErrorInfo =
      error instanceof FeedError
        ? error.details
        : error instanceof SyntaxError
          ? { code: 'syntax', format: 'json' }
          : { code: 'unknown' };
    throw new FeedError(`${name}: ${reason}`, { ...details, url, cause: error });
  }
}

/** Forgets every reference file (tests). */
export function clearReportRefs(): void {
  loaded.clear();
}
