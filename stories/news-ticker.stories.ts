import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { nothing } from 'lit';
import { html } from 'lit/static-html.js';
import '../src/news-ticker/news-ticker.js';
import { inline, json, mockFeeds, stateRoutes } from './mock-feeds.js';

const feed = {
  items: [
    {
      id: 'line-1690',
      title: 'เลือกตั้งสมาชิกสภาองค์การบริหารส่วนตำบลแม่ยาว (แทนตำแหน่งที่ว่าง) วันอาทิตย์ที่ 28 สิงหาคม 2565',
      url: 'https://www.ect.go.th/chiangrai/news/1690',
      date: '2022-08-22T08:30:00+07:00',
      category: 'ด่วน',
    },
    {
      id: 'line-1687',
      title: 'ตรวจสอบรายชื่อผู้มีสิทธิเลือกตั้งและหน่วยเลือกตั้งของท่านได้ทางแอปพลิเคชัน Smart Vote',
      url: 'https://www.ect.go.th/chiangrai/news/1687',
      date: '2022-08-20T14:00:00+07:00',
    },
    {
      id: 'line-1683',
      title: 'พบเห็นการซื้อสิทธิขายเสียง แจ้งเบาะแสได้ทางแอปพลิเคชัน "ตาสับปะรด" หรือโทร 1444',
      url: 'https://www.ect.go.th/chiangrai/news/1683',
      date: '2022-08-17T10:00:00+07:00',
    },
    {
      id: 'line-1681',
      title: 'ผู้ไม่ได้ไปใช้สิทธิเลือกตั้ง แจ้งเหตุอันสมควรได้ภายใน 7 วันก่อนหรือหลังวันเลือกตั้ง',
      url: 'https://www.ect.go.th/chiangrai/news/1681',
      date: '2022-08-16T09:30:00+07:00',
    },
    {
      id: 'line-1672',
      title: 'ขอเชิญร่วมเรียนรู้หลักสูตร "พลเมืองคุณภาพ" ผ่านระบบ ECT e-Learning ฟรี',
      url: 'https://www.ect.go.th/chiangrai/news/1672',
      date: '2022-08-05T13:00:00+07:00',
    },
  ],
};

let refreshes = 0;
let staleHits = 0;

/**
 * Mocked feeds: a route table of real Responses. The state routes answer exactly as in the
 * announcement list's stories.
 */
const mocked: Record<string, () => Promise<Response>> = {
  ...stateRoutes('/story-feeds', { items: [] }),
  // Every fetch adds an urgent headline in front: the ticker keeps its place meanwhile.
  '/story-feeds/news-ticker/refreshing': async () => {
    refreshes += 1;
    const added = Array.from({ length: refreshes }, (_, i) => ({
      id: `added-${i}`,
      title: `ข่าวที่เพิ่มเข้ามาใหม่ ครั้งที่ ${i + 1}`,
      url: `https://www.ect.go.th/chiangrai/news/added-${i}`,
      pinned: true,
    }));
    return json({ items: [...added.reverse(), ...feed.items] });
  },
  // The first fetch works, every later one fails: the headlines stay, with a notice.
  '/story-feeds/news-ticker/stale': async () =>
    staleHits++ === 0 ? json(feed) : new Response('', { status: 503 }),
};
mockFeeds(mocked);

const withSrc = (src: string, options: { fallback?: string; refresh?: number } = {}) =>
  html`<ect-news-ticker src=${src} refresh=${options.refresh ?? 0}
    >${options.fallback ? html`<a href="#news">${options.fallback}</a>` : nothing}</ect-news-ticker
  >`;

interface Args {
  speed: number;
  limit: number;
  paused: boolean;
  motion: 'auto' | 'reduce';
}

const meta: Meta<Args> = {
  title: 'Elements/ect-news-ticker',
  component: 'ect-news-ticker',
  args: { speed: 60, limit: 10, paused: false, motion: 'auto' },
  argTypes: { motion: { control: 'inline-radio', options: ['auto', 'reduce'] } },
  render: ({ speed, limit, paused, motion }) =>
    html`<ect-news-ticker speed=${speed} limit=${limit} ?paused=${paused} motion=${motion}
      >${inline(feed)}</ect-news-ticker
    >`,
};
export default meta;

type Story = StoryObj<Args>;

/** Headlines scroll; hover or focus a headline to stop them, or use the pause button. */
export const Scrolling: Story = {};

/** The page around it is in English: label, badge, button and dates follow. */
export const English: Story = { globals: { lang: 'en' } };

/** What viewers with `prefers-reduced-motion: reduce` see (forced here with `motion="reduce"`). */
export const ReducedMotion: Story = { args: { motion: 'reduce' } };

/** Stopped by the viewer: the pause button shows pressed. */
export const Paused: Story = { args: { paused: true } };

/** A label of the webmaster's own in the `label` slot, as the seed site's "line news". */
export const CustomLabel: Story = {
  render: () =>
    html`<ect-news-ticker><span slot="label">line news</span>${inline(feed)}</ect-news-ticker>`,
};

/** Refreshed every 5 s with a new headline in front each time; the scroll never jumps back. */
export const Refreshing: Story = {
  render: () => {
    refreshes = 0;
    return withSrc('/story-feeds/news-ticker/refreshing', { refresh: 5 });
  },
};

/** After 5 s the feed fails: the last headlines stay, under a notice with a retry button. */
export const Stale: Story = {
  render: () => {
    staleHits = 0;
    return withSrc('/story-feeds/news-ticker/stale', { refresh: 5 });
  },
};

/** While the feed loads: a skeleton line, announced as loading. */
export const Loading: Story = { render: () => withSrc('/story-feeds/loading') };

/** While the feed loads, the webmaster's own fallback content shows instead. */
export const LoadingWithFallback: Story = {
  render: () => withSrc('/story-feeds/loading', { fallback: 'ข่าวทั้งหมดของสำนักงาน' }),
};

/** The server answers 503: the reason and a retry button. */
export const ServerError: Story = { render: () => withSrc('/story-feeds/error') };

/** An HTML page served where the feed should be. */
export const NotAFeed: Story = { render: () => withSrc('/story-feeds/html') };

/** The feed has no items. */
export const Empty: Story = { render: () => withSrc('/story-feeds/empty') };
