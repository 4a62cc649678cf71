import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/online-counter/online-counter.js';
import type { EctOnlineCounter } from '../src/online-counter/online-counter.js';
import { json, mockFeeds } from './mock-feeds.js';

const figures = { online: 13, today: 245, month: 5321, total: 7694178 };

let polls = 0;
let staleCalls = 0;

/**
 * Mocked sources for the states: a route table of real Responses under
 * `/story-feeds/online-counter/`, every other URL fetched as usual.
 */
const mocked: Record<string, () => Promise<Response>> = {
  '/story-feeds/online-counter/figures': async () => json(figures),
  '/story-feeds/online-counter/text': async () =>
    new Response('42\n', { headers: { 'Content-Type': 'text/plain' } }),
  // A count that moves on every poll, to show the change animation.
  '/story-feeds/online-counter/moving': async () =>
    json({ ...figures, online: 10 + (polls++ % 5), today: 245 + polls }),
  '/story-feeds/online-counter/loading': () => new Promise<Response>(() => {}),
  '/story-feeds/online-counter/down': async () => new Response('', { status: 503 }),
  // Answers once, then fails: the figures stay, marked as not current.
  '/story-feeds/online-counter/stale': async () =>
    staleCalls++ === 0 ? json(figures) : new Response('', { status: 503 }),
};
mockFeeds(mocked);

interface Args {
  numerals: 'latn' | 'thai';
}

const meta: Meta<Args> = {
  title: 'Elements/ect-online-counter',
  component: 'ect-online-counter',
  args: { numerals: 'latn' },
  argTypes: { numerals: { control: 'inline-radio', options: ['latn', 'thai'] } },
  render: ({ numerals }) =>
    html`<ect-online-counter
      src="/story-feeds/online-counter/figures"
      numerals=${numerals === 'latn' ? nothing : numerals}
    ></ect-online-counter>`,
};
export default meta;

type Story = StoryObj<Args>;

const withSrc = (src: string, refresh = 0, fallback?: string) =>
  html`<ect-online-counter src=${src} refresh=${refresh}
    >${fallback ? html`<a href="#stats">${fallback}</a>` : nothing}</ect-online-counter
  >`;

/** People online now, with today's, this month's and all-time visits. */
export const Figures: Story = {};

/** The page around it is in English. */
export const English: Story = { globals: { lang: 'en' } };

/** `numerals="thai"`: Thai digits. */
export const ThaiDigits: Story = { args: { numerals: 'thai' } };

/** A source that answers a plain-text number: only the sentence. */
export const PlainNumber: Story = { render: () => withSrc('/story-feeds/online-counter/text') };

/** Polled every 5 s; a changed figure animates (not with reduced motion). */
export const Polling: Story = {
  render: () => withSrc('/story-feeds/online-counter/moving', 5),
  // A poll can land while axe runs and catch a count fading in (20% opacity reads as #ccc);
  // the contrast of the same figures at rest is checked in Figures.
  parameters: { a11y: { config: { rules: [{ id: 'color-contrast', enabled: false }] } } },
};

/** While the source loads: a placeholder where the number goes. */
export const Loading: Story = { render: () => withSrc('/story-feeds/online-counter/loading') };

/** While the source loads, the webmaster's own fallback content shows instead. */
export const LoadingWithFallback: Story = {
  render: () => withSrc('/story-feeds/online-counter/loading', 0, 'สถิติผู้เข้าชมเว็บไซต์'),
};

/** The source fails before any figure arrived: `—`, never `0`. */
export const Unavailable: Story = { render: () => withSrc('/story-feeds/online-counter/down') };

/** A refresh failed after a good load: the last figures stay, marked with their time. */
export const Stale: Story = {
  render: () => {
    staleCalls = 0;
    return withSrc('/story-feeds/online-counter/stale');
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<EctOnlineCounter>('ect-online-counter')!;
    while (el.state !== 'ready') await new Promise((resolve) => setTimeout(resolve, 50));
    el.reload();
  },
};
