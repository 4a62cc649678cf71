import type { FeedKind } from '../../src/feed/types.js';

export interface FeedFixture {
  file: string;
  type: string;
  kind: FeedKind;
  generate?: string;
}
export type FeedName =
  'rss' | 'atom' | 'jsonfeed' | 'items' | 'ics' | 'events' | 'csv' | 'results' | 'counter';
export interface Sample {
  feed: FeedName;
  inline: FeedName;
  attributes: Record<string, string>;
  kind: FeedKind;
}

export const FEEDS: Record<FeedName, FeedFixture>;
export const HOSTILE_FEEDS: string[];
export const SAMPLES: Record<
  string,
  { feed: FeedName; inline: FeedName; attributes?: Record<string, string> }
>;
export function sampleFor(tag: string): Sample;
export function feedsOfKind(kind: FeedKind): FeedName[];
export function feedUrl(name: FeedName, extra?: string): string;
