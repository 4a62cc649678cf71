import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/calendar/calendar.js';
import { mockFeeds, stateRoutes } from './mock-feeds.js';

/** An office calendar as Google Calendar or Outlook exports it, August 2565 (2022). */
const ics = `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//ECT Chiang Rai//Activity calendar//TH
X-WR-CALNAME:ปฏิทินกิจกรรม สำนักงาน กกต.ประจำจังหวัดเชียงราย
BEGIN:VEVENT
UID:weekly@chiangrai.ect.go.th
DTSTAMP:20220801T000000Z
DTSTART;TZID=Asia/Bangkok:20220801T090000
DTEND;TZID=Asia/Bangkok:20220801T100000
RRULE:FREQ=WEEKLY;BYDAY=MO
EXDATE;TZID=Asia/Bangkok:20220815T090000
SUMMARY:ประชุมประจำสัปดาห์ ผู้บริหารสำนักงาน
LOCATION:ห้องประชุมสำนักงาน กกต.ประจำจังหวัดเชียงราย
CATEGORIES:ตารางปฏิบัติงาน
END:VEVENT
BEGIN:VEVENT
UID:nomination@chiangrai.ect.go.th
DTSTAMP:20220801T000000Z
DTSTART;VALUE=DATE:20220808
DTEND;VALUE=DATE:20220813
SUMMARY:รับสมัครรับเลือกตั้งสมาชิกสภาเทศบาลตำบลเวียงชัย
LOCATION:ที่ทำการเทศบาลตำบลเวียงชัย
URL:https://www.ect.go.th/chiangrai/
CATEGORIES:กิจกรรม
END:VEVENT
BEGIN:VEVENT
UID:mothers-day@chiangrai.ect.go.th
DTSTAMP:20220801T000000Z
DTSTART;VALUE=DATE:20220812
SUMMARY:วันแม่แห่งชาติ
END:VEVENT
BEGIN:VEVENT
UID:training@chiangrai.ect.go.th
DTSTAMP:20220801T000000Z
DTSTART;TZID=Asia/Bangkok:20220816T093000
DTEND;TZID=Asia/Bangkok:20220816T120000
SUMMARY:อบรมกรรมการประจำหน่วยเลือกตั้ง (กปน.)
LOCATION:หอประชุมอำเภอเวียงชัย
CATEGORIES:กิจกรรม
END:VEVENT
BEGIN:VEVENT
UID:inspection@chiangrai.ect.go.th
DTSTAMP:20220801T000000Z
DTSTART:20220827T013000Z
DURATION:PT7H
SUMMARY:ลงพื้นที่ตรวจเยี่ยมหน่วยเลือกตั้ง อำเภอเวียงชัย
CATEGORIES:ตารางปฏิบัติงาน
END:VEVENT
BEGIN:VEVENT
UID:election-day@chiangrai.ect.go.th
DTSTAMP:20220801T000000Z
DTSTART;TZID=Asia/Bangkok:20220828T080000
DTEND;TZID=Asia/Bangkok:20220828T170000
SUMMARY:วันเลือกตั้งซ่อมสมาชิกสภาเทศบาลตำบลเวียงชัย
CATEGORIES:กิจกรรม
END:VEVENT
END:VCALENDAR
`.replace(/\n/g, '\r\n');

const calendarFile = () =>
  new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
let staleHits = 0;

/** Mocked feeds for the states: a route table of real Responses under `/story-feeds/calendar/`. */
const mocked: Record<string, () => Promise<Response>> = {
  '/story-feeds/calendar/activities.ics': async () => calendarFile(),
  ...stateRoutes('/story-feeds/calendar', { events: [] }),
  '/story-feeds/calendar/stale': async () =>
    staleHits++ === 0 ? calendarFile() : new Response('', { status: 503 }),
};
mockFeeds(mocked);

interface Args {
  month: string;
  view: 'grid' | 'list';
  firstDay: number;
  calendar: '' | 'buddhist' | 'gregory';
  numerals: 'latn' | 'thai';
  timeZone: string;
  category: string;
  seeAllHref: string;
  width: 'sidebar' | 'page';
}

const WIDTHS = { sidebar: '250px', page: '960px' };

const meta: Meta<Args> = {
  title: 'Elements/ect-calendar',
  component: 'ect-calendar',
  args: {
    month: '2022-08',
    view: 'grid',
    firstDay: 0,
    calendar: '',
    numerals: 'latn',
    timeZone: 'Asia/Bangkok',
    category: '',
    seeAllHref: '#calendar',
    width: 'sidebar',
  },
  argTypes: {
    view: { control: 'inline-radio', options: ['grid', 'list'] },
    calendar: { control: 'inline-radio', options: ['', 'buddhist', 'gregory'] },
    numerals: { control: 'inline-radio', options: ['latn', 'thai'] },
    width: { control: 'inline-radio', options: ['sidebar', 'page'] },
  },
  render: (args) =>
    html`<div style="max-width: ${WIDTHS[args.width]}">
      <ect-calendar
        src="/story-feeds/calendar/activities.ics"
        refresh="0"
        month=${args.month || nothing}
        view=${args.view}
        first-day=${args.firstDay}
        calendar=${args.calendar || nothing}
        numerals=${args.numerals}
        time-zone=${args.timeZone || nothing}
        category=${args.category || nothing}
        see-all-href=${args.seeAllHref || nothing}
      ></ect-calendar>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/**
 * The sidebar of the office site: `« สิงหาคม 2565 »`, `อา. จ. อ. …`, dots on days with
 * events, categories as tabs. Choose a day to list its events.
 */
export const Sidebar: Story = {};

/** The page around it is in English: month, weekdays, times and words follow. */
export const English: Story = { globals: { lang: 'en' } };

/** A full page: the first titles of each day show in the grid. */
export const FullPage: Story = { args: { width: 'page' } };

/** `view="list"`: the month's events by date, the work schedule. */
export const WorkSchedule: Story = { args: { view: 'list', width: 'page' } };

/** `category` keeps one category and drops the tabs. */
export const OneCategory: Story = { args: { category: 'ตารางปฏิบัติงาน' } };

/** Gregorian years and Thai digits: `สิงหาคม ๒๐๒๒`, `๐๙.๓๐ น.`. */
export const GregorianThaiDigits: Story = { args: { calendar: 'gregory', numerals: 'thai' } };

/** Weeks from Monday (`first-day="1"`). */
export const MondayFirst: Story = { args: { firstDay: 1 } };

/** The current month (no `month`): today is marked; the weekly meeting recurs into it. */
export const CurrentMonth: Story = { args: { month: '' } };

/** The viewer's own time zone (`time-zone="local"`) instead of Bangkok's. */
export const LocalTime: Story = { args: { timeZone: 'local' } };

const withSrc = (path: string, fallback?: string) =>
  html`<div style="max-width: 250px">
    <ect-calendar src="/story-feeds/calendar/${path}" refresh=${path === 'stale' ? 2 : 0}
      >${fallback ? html`<a href="#calendar">${fallback}</a>` : nothing}</ect-calendar
    >
  </div>`;

/** While the feed loads: a skeleton, announced as loading. */
export const Loading: Story = { render: () => withSrc('loading') };

/** While the feed loads, the webmaster's own fallback content shows instead of the skeleton. */
export const LoadingWithFallback: Story = {
  render: () => withSrc('loading', 'ปฏิทินกิจกรรมบนเว็บไซต์สำนักงาน'),
};

/** The server answers 503: the reason and a retry button. */
export const ServerError: Story = { render: () => withSrc('error') };

/** An HTML page served where the feed should be. */
export const NotAFeed: Story = { render: () => withSrc('html') };

/** The feed has no events: the month still shows. */
export const Empty: Story = { render: () => withSrc('empty') };

/** The feed loaded once, then failed (refresh every 2 s): the last data stays, with a notice. */
export const Stale: Story = { render: () => withSrc('stale') };
