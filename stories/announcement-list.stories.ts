import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { nothing } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import '../src/announcement-list/announcement-list.js';

const DAY = 24 * 60 * 60 * 1000;
/** Dates relative to today, so the "new" badge shows on the newest items whenever this runs. */
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

const feed = {
  items: [
    {
      id: 'result-1',
      title: 'ประกาศผลการเลือกตั้งสมาชิกสภาองค์การบริหารส่วนจังหวัดเชียงราย เขตเลือกตั้งที่ 3',
      url: 'https://www.ect.go.th/chiangrai/announce/result-1',
      date: daysAgo(1),
      category: 'ข่าวประกาศ',
      attachments: [
        {
          url: 'https://www.ect.go.th/chiangrai/files/result-1.pdf',
          type: 'application/pdf',
          size: 250880,
        },
      ],
    },
    {
      id: 'pr-1',
      title: 'สำนักงาน กกต. ประจำจังหวัดเชียงราย จัดกิจกรรมส่งเสริมการมีส่วนร่วมทางการเมือง',
      url: 'https://www.ect.go.th/chiangrai/pr/1',
      date: daysAgo(3),
      category: 'ข่าวประชาสัมพันธ์',
      summary: 'เจ้าหน้าที่ลงพื้นที่อำเภอเมืองเชียงรายเพื่อให้ความรู้แก่นักเรียนและประชาชนเรื่องสิทธิและหน้าที่ในการเลือกตั้ง',
    },
    {
      id: 'bid-1',
      title: 'ประกาศประกวดราคาจ้างพิมพ์บัตรเลือกตั้ง ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
      url: 'https://www.ect.go.th/chiangrai/procurement/1',
      date: daysAgo(12),
      category: 'จัดซื้อจัดจ้าง',
      attachments: [
        {
          url: 'https://www.ect.go.th/chiangrai/files/bid-1.pdf',
          type: 'application/pdf',
          size: 1048576,
        },
      ],
    },
    {
      id: 'ann-1',
      title: 'ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการ',
      url: 'https://www.ect.go.th/chiangrai/announce/1',
      date: daysAgo(30),
      category: 'ข่าวประกาศ',
    },
  ],
};

/**
 * Inline data as a webmaster writes it: a child `<script type="application/json">`. Lit allows
 * no bindings inside `<script>`, so the JSON goes into the template as static text.
 */
const inline = (data: unknown) =>
  unsafeStatic(
    `<script type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`,
  );

interface Args {
  limit: number;
  newDays: number;
  moreHref: string;
  layout: 'list' | 'news';
  category: string;
}

const meta: Meta<Args> = {
  title: 'Elements/ect-announcement-list',
  component: 'ect-announcement-list',
  args: { limit: 10, newDays: 7, moreHref: '#all', layout: 'list', category: '' },
  argTypes: { layout: { control: 'inline-radio', options: ['list', 'news'] } },
  render: ({ limit, newDays, moreHref, layout, category }) =>
    html`<ect-announcement-list
      limit=${limit}
      new-days=${newDays}
      more-href=${moreHref || nothing}
      layout=${layout}
      category=${category || nothing}
      >${inline(feed)}</ect-announcement-list
    >`,
};
export default meta;

type Story = StoryObj<Args>;

/** Several categories become tabs; items of the last week carry the "ใหม่" badge. */
export const Tabs: Story = {};

/** The page around it is in English: dates, words and the tab labels follow. */
export const English: Story = { globals: { lang: 'en' } };

/** `layout="news"`: excerpts under the headlines. */
export const News: Story = { args: { layout: 'news', category: 'ข่าวประชาสัมพันธ์' } };

/** `category` keeps one category and drops the tabs; `limit` caps the list. */
export const OneCategory: Story = { args: { category: 'ข่าวประกาศ', limit: 1 } };
