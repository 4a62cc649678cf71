import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/feed/types.js';

/** The text of a file in test/fixtures/. */
export async function fixtureText(name: string): Promise<string> {
  return (await fetch(new URL(`../fixtures/${name}`, import.meta.url))).text();
}

/** The bytes of a file in test/fixtures/. */
export async function fixtureBytes(name: string): Promise<ArrayBuffer> {
  return (await fetch(new URL(`../fixtures/${name}`, import.meta.url))).arrayBuffer();
}

/** The FeedError a promise (or async function) rejects with; fails the test otherwise. */
export async function failure(
  run: Promise<unknown> | (() => Promise<unknown>),
): Promise<FeedError> {
  try {
    await (typeof run === 'function' ? run() : run);
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected a FeedError');
}
