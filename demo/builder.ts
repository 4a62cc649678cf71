/**
 * The snippet builder (demo/builder.html): pick an element, fill its attributes, watch it live,
 * copy the embed code.
 *
 * Everything about the elements comes from custom-elements.json, so an element shows up here as
 * soon as the manifest has it: its attributes become inputs by their type (`'a' | 'b'` becomes a
 * choice, `number` a number field, `boolean` a checkbox), its default is shown, and its
 * description decides the checks (URLs, `{url}` templates, `YYYY-MM`, IANA zones); the Thai
 * texts of the descriptions are in manifest-th.json. The script tag (self-hosted until this
 * version is on npm, then jsDelivr) and its SRI hash come from the `#ect-embed` JSON block the
 * demo config's `demoToolPages` plugin writes from package.json and the current
 * dist/ect-widgets.js, built when missing.
 *
 * Plain DOM and no innerHTML: the built page runs under a strict CSP with Trusted Types.
 */
import manifestJson from '../custom-elements.json';
import thaiJson from './manifest-th.json';
import { FEED_FORMATS } from '../src/feed/types.js';

interface ManifestAttribute {
  name: string;
  type?: { text: string };
  default?: string;
  description?: string;
}

interface ManifestElement {
  tagName?: string;
  name: string;
  summary?: string;
  description?: string;
  attributes?: ManifestAttribute[];
  events?: { name: string; description?: string }[];
}

interface EmbedInfo {
  name: string;
  version: string;
  /** Whether this version is on npm, so that the CDN serves it. */
  published: boolean;
  url: string;
  integrity: string | null;
  builtAt: string | null;
  buildError: string | null;
  examples: Record<string, Record<string, string>>;
  feeds: string[];
}

type Lang = 'th' | 'en';
type Kind = 'enum' | 'number' | 'boolean' | 'text';
type Check = 'url' | 'link' | 'http' | 'template' | 'month' | 'date' | 'zone';

interface Message {
  level: 'error' | 'warning';
  key: keyof typeof WORDS.en;
  value?: string;
}

interface Field {
  name: string;
  kind: Kind;
  /** Choices of an enum, without quotes. */
  values: string[];
  /** The manifest default, without quotes ('' when none): a value equal to it is left out. */
  defaultValue: string;
  check?: Check;
  input: HTMLInputElement | HTMLSelectElement;
  message: HTMLElement;
}

const WORDS = {
  th: {
    unset: '— ไม่กำหนด (ใช้ค่าเริ่มต้นของวิดเจ็ต) —',
    default: '(ค่าเริ่มต้น)',
    defaultIs: 'ค่าเริ่มต้น: {v}',
    langAttr: 'ภาษาของวิดเจ็ต',
    langInherit: '— ตามภาษาของหน้าเว็บ —',
    kindUrl: 'URL',
    kindNumber: 'ตัวเลข',
    kindEnum: 'ตัวเลือก',
    kindText: 'ข้อความ',
    kindBoolean: 'เปิด/ปิด',
    number: 'ต้องเป็นตัวเลข เช่น 10',
    enum: 'ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {v}',
    url: 'ไม่ใช่ URL ที่ใช้ได้',
    protocol: 'ใช้ได้เฉพาะลิงก์ {v}',
    cors: 'ฟีดอยู่บนเว็บไซต์อื่น ({v}): เซิร์ฟเวอร์ของฟีดต้องส่งส่วนหัว CORS หรือกำหนด proxy',
    mixed: 'หน้าเว็บ https จะไม่โหลดฟีดที่เป็น http: ใช้ https',
    sample: 'นี่คือฟีดตัวอย่างของหน้าสาธิต ให้แทนที่ด้วย URL ฟีดของหน่วยงาน',
    template: 'ไม่มี {url} ในแม่แบบ: URL ของฟีดจะถูกต่อท้าย',
    month: 'ใช้รูปแบบ ปปปป-ดด (ปี ค.ศ.) เช่น 2022-08',
    date: 'ใช้รูปแบบ ปปปป-ดด-วว (ปี ค.ศ.) เช่น 2022-08-16',
    zone: 'ไม่รู้จักเขตเวลานี้ ใช้ชื่อแบบ IANA เช่น Asia/Bangkok',
    noElements: 'custom-elements.json ยังไม่มีวิดเจ็ต: รัน npm run analyze',
    state: 'สถานะของวิดเจ็ต: {v}',
    notDefined: 'สคริปต์ยังไม่ได้ลงทะเบียน <{v}>',
    noEvents: 'ยังไม่มีเหตุการณ์',
    noDist: 'สร้าง dist/ect-widgets.js ไม่สำเร็จ จึงยังไม่มีค่า SRI (integrity): {v}',
    builtAt:
      'ค่า integrity คำนวณจาก dist/ect-widgets.js ที่สร้างเมื่อ {v}; คัดลอกทั้งโฟลเดอร์ dist/ ของรุ่นเดียวกันนี้ไปยังเซิร์ฟเวอร์',
    cdnBuiltAt: 'ค่า integrity คำนวณจาก dist/ect-widgets.js ที่สร้างเมื่อ {v} ซึ่งต้องตรงกับไฟล์ของรุ่นนี้บน npm',
    unpublished: 'ใช้ได้เมื่อเผยแพร่ {v} บน npm แล้ว (ยังไม่ได้เผยแพร่)',
    published: 'เผยแพร่ {v} บน npm แล้ว',
    invalid: 'มีค่าที่ไม่ถูกต้อง {v} ช่อง จึงยังไม่ได้ใส่ในโค้ด',
    relative: 'URL แบบสัมพัทธ์ (เช่น feeds/news.rss) อ้างอิงจากหน้าเว็บที่วางแท็กนี้',
    copiedScript: 'คัดลอกแท็ก script แล้ว',
    copiedTag: 'คัดลอกแท็กวิดเจ็ตแล้ว',
    copiedBoth: 'คัดลอกโค้ดทั้งสองส่วนแล้ว',
    copyFailed: 'คัดลอกอัตโนมัติไม่ได้: เลือกข้อความในกรอบโค้ดแล้วกด Ctrl+C',
  },
  en: {
    unset: '— not set (element default) —',
    default: '(default)',
    defaultIs: 'Default: {v}',
    langAttr: 'Language of the element',
    langInherit: '— as the page —',
    kindUrl: 'URL',
    kindNumber: 'number',
    kindEnum: 'choice',
    kindText: 'text',
    kindBoolean: 'on/off',
    number: 'Must be a number, e.g. 10',
    enum: 'Must be one of: {v}',
    url: 'Not a usable URL',
    protocol: 'Only {v} links are allowed',
    cors: 'The feed is on another site ({v}): its server must send CORS headers, or set proxy',
    mixed: 'https pages do not load http: feeds; use https',
    sample: "This is one of the demo's sample feeds: replace it with your own feed's URL",
    template: 'No {url} in the template: the feed URL is appended at the end',
    month: 'Use YYYY-MM (Gregorian year), e.g. 2022-08',
    date: 'Use YYYY-MM-DD (Gregorian year), e.g. 2022-08-16',
    zone: 'Unknown time zone: use an IANA name such as Asia/Bangkok',
    noElements: 'custom-elements.json has no elements yet: run npm run analyze',
    state: 'State of the element: {v}',
    notDefined: 'The script does not register <{v}> yet',
    noEvents: 'No events yet',
    noDist: 'Building dist/ect-widgets.js failed, so there is no SRI (integrity) hash: {v}',
    builtAt:
      'integrity is the hash of dist/ect-widgets.js built {v}; copy the whole dist/ folder of this same build to your server',
    cdnBuiltAt:
      'integrity is the hash of dist/ect-widgets.js built {v}, which must match this version on npm',
    unpublished: 'needs {v} published on npm (not published yet)',
    published: '{v} is on npm',
    invalid: '{v} invalid value(s) left out of the code',
    relative: 'A relative URL (such as feeds/news.rss) is relative to the page the tag is on',
    copiedScript: 'Copied the script tag',
    copiedTag: 'Copied the element tag',
    copiedBoth: 'Copied both parts',
    copyFailed: 'Could not copy: select the text in the code box and press Ctrl+C',
  },
};

type WordKey = keyof typeof WORDS.en;

// ---------------------------------------------------------------------------------------------
// Reading the manifest

/** Named types of the source that stand for a union of literals. */
const TYPE_ALIASES: Record<string, string[]> = {
  FeedFormat: [...FEED_FORMATS],
  FeedFormatOption: ['auto', ...FEED_FORMATS],
};

const unquote = (text: string) => text.replace(/^(['"`])(.*)\1$/, '$2');

/**
 * The input an attribute gets, from its manifest type text. A named type (`FeedFormatOption`)
 * offers only the values the description names when it names several (`ics` or `json` for the
 * calendar's `format`).
 */
function describeType(text = '', description = ''): { kind: Kind; values: string[] } {
  const parts = text
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'null' && part !== 'undefined');
  const named = new Set([...description.matchAll(/`([^`]+)`/g)].map((match) => match[1]));
  const literals = parts.flatMap((part) => {
    const alias = TYPE_ALIASES[part];
    if (!alias) return [part];
    const mentioned = alias.filter((value) => named.has(value));
    return (mentioned.length > 1 ? mentioned : alias).map((value) => `'${value}'`);
  });
  if (literals.length > 0 && literals.every((part) => /^(['"]).*\1$/.test(part))) {
    return { kind: 'enum', values: literals.map(unquote) };
  }
  if (parts.length === 1 && parts[0] === 'number') return { kind: 'number', values: [] };
  if (parts.length === 1 && parts[0] === 'boolean') return { kind: 'boolean', values: [] };
  return { kind: 'text', values: [] };
}

/** What the name and description say the value must look like. */
function checkFor(name: string, description = ''): Check | undefined {
  if (description.includes('{url}')) return 'template';
  if (name === 'src' || /\bfeed URL\b/i.test(description)) return 'url';
  if (name === 'href' || /-href$/.test(name)) return 'link';
  if (/-src$|-url$/.test(name) || /\bURL\b/.test(description)) return 'http';
  if (/YYYY-MM-DD/.test(description)) return 'date';
  if (/YYYY-MM\b/.test(description)) return 'month';
  if (/\bIANA\b/.test(description)) return 'zone';
  return undefined;
}

/** "Default 300." / "default `Asia/Bangkok`" in a description, for a hint. */
function describedDefault(description = ''): string {
  const match = /\bdefault:?\s+(`[^`]+`|"[^"]+"|\d+(?:\.\d+)?)/i.exec(description);
  return match ? unquote(match[1]) : '';
}

const manifest = manifestJson as unknown as { modules: { declarations?: ManifestElement[] }[] };
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration): declaration is ManifestElement & { tagName: string } =>
    Boolean(declaration.tagName),
  )
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

const embedText = document.getElementById('ect-embed')?.textContent;
const embed: EmbedInfo = embedText
  ? (JSON.parse(embedText) as EmbedInfo)
  : {
      name: 'ect-widgets',
      version: '0.0.0',
      published: false,
      url: '',
      integrity: null,
      builtAt: null,
      buildError: null,
      examples: {},
      feeds: [],
    };

interface ThaiTexts {
  summary?: string;
  description?: string;
  attributes?: Record<string, string>;
}

const thai = thaiJson as unknown as Record<string, ThaiTexts>;

/** The Thai text of an element's summary or description, or of one of its attributes. */
function thaiText(tag: string, key: 'summary' | 'description' | { attribute: string }): string {
  if (typeof key === 'string') return thai[tag]?.[key] ?? '';
  const { attribute } = key;
  return thai[tag]?.attributes?.[attribute] ?? thai['*']?.attributes?.[attribute] ?? '';
}

// ---------------------------------------------------------------------------------------------
// Words and DOM helpers

const lang = (): Lang => (document.documentElement.lang === 'en' ? 'en' : 'th');

function word(key: WordKey, value = ''): string {
  return WORDS[lang()][key].replace('{v}', value);
}

/** A node whose text follows the page language (see `relabel`). */
function say<T extends HTMLElement>(el: T, key: WordKey, value = ''): T {
  el.dataset.word = key;
  el.dataset.wordValue = value;
  el.textContent = word(key, value);
  return el;
}

/** Shows the Thai or English text of a `sayText` node; English, so marked, when no Thai. */
function showText(el: HTMLElement): void {
  const thaiVersion = el.dataset.textTh ?? '';
  const inThai = lang() === 'th' && thaiVersion !== '';
  if (lang() === 'th' && !inThai) el.lang = 'en';
  else el.removeAttribute('lang');
  el.replaceChildren(...withCode(inThai ? thaiVersion : (el.dataset.textEn ?? '')));
}

/** A node showing a manifest text (with `code` spans) in the page language (see `relabel`). */
function sayText<T extends HTMLElement>(el: T, texts: { th: string; en: string }): T {
  el.dataset.textTh = texts.th;
  el.dataset.textEn = texts.en;
  showText(el);
  return el;
}

function relabel(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-word]')) {
    el.textContent = word(el.dataset.word as WordKey, el.dataset.wordValue);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-text-en]')) showText(el);
}

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  el.append(...children);
  return el;
}

/** Text with `code` spans, as the manifest descriptions are written. */
function withCode(text: string): Node[] {
  return text
    .split('`')
    .map((part, i) => (i % 2 ? h('code', {}, part) : document.createTextNode(part)));
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const select = byId<HTMLSelectElement>('element-select');
const summary = byId<HTMLElement>('element-summary');
const fieldsBox = byId<HTMLElement>('attribute-fields');
const preview = byId<HTMLElement>('preview');
const previewState = byId<HTMLElement>('preview-state');
const eventLog = byId<HTMLOListElement>('event-log');
const codeScript = byId<HTMLElement>('code-script');
const codeTag = byId<HTMLElement>('code-tag');
const sriNote = byId<HTMLElement>('sri-note');
const tagNote = byId<HTMLElement>('tag-note');
const copyStatus = byId<HTMLElement>('copy-status');
const selfPathField = byId<HTMLElement>('self-path-field');
const selfPath = byId<HTMLInputElement>('self-path');
const selfPathMessage = byId<HTMLElement>('self-path-msg');
const cdnNote = byId<HTMLElement>('cdn-note');

let fields: Field[] = [];
let langField: HTMLSelectElement | undefined;
let current: (ManifestElement & { tagName: string }) | undefined;
let live: HTMLElement | undefined;
let stateObserver: MutationObserver | undefined;

// ---------------------------------------------------------------------------------------------
// Checks

const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'];

const problem = (level: Message['level'], key: WordKey, value?: string): Message => ({
  level,
  key,
  value,
});

function checkUrl(value: string, check: Check): Message | undefined {
  let url: URL;
  try {
    url = new URL(value, document.baseURI);
  } catch {
    return problem('error', 'url');
  }
  const allowed = check === 'link' ? LINK_PROTOCOLS : ['http:', 'https:'];
  if (!allowed.includes(url.protocol) || (url.protocol.startsWith('http') && !url.hostname)) {
    return problem('error', 'protocol', allowed.join(' '));
  }
  if (check !== 'url') return undefined;
  if (embed.feeds.includes(value.replace(/^\.\//, ''))) return problem('warning', 'sample');
  if (/^http:/i.test(value)) return problem('warning', 'mixed');
  const proxied = fields.some((field) => field.check === 'template' && valueOf(field));
  if (url.origin !== location.origin && !proxied) return problem('warning', 'cors', url.host);
  return undefined;
}

function checkTimeZone(value: string): Message | undefined {
  if (value === 'local') return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return undefined;
  } catch {
    return problem('error', 'zone');
  }
}

/** The first problem with a field's value ('' is always fine: the attribute is left out). */
function checkValue(
  field: Pick<Field, 'kind' | 'values' | 'check'>,
  value: string,
): Message | undefined {
  if (value === '') return undefined;
  if (field.kind === 'number' && !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) {
    return problem('error', 'number');
  }
  if (field.kind === 'enum' && !field.values.includes(value)) {
    return problem('error', 'enum', field.values.join(', '));
  }
  switch (field.check) {
    case 'url':
    case 'link':
    case 'http':
      return checkUrl(value, field.check);
    case 'template':
      return (
        checkUrl(
          value.split('{url}').join(encodeURIComponent('https://example.org/feed.rss')),
          'link',
        ) ?? (value.includes('{url}') ? undefined : problem('warning', 'template'))
      );
    case 'month':
      return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? undefined : problem('error', 'month');
    case 'date':
      return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)
        ? undefined
        : problem('error', 'date');
    case 'zone':
      return checkTimeZone(value);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The form

const isUrlCheck = (check?: Check) =>
  check === 'url' || check === 'link' || check === 'http' || check === 'template';

const KIND_WORD: Record<Kind, WordKey> = {
  enum: 'kindEnum',
  number: 'kindNumber',
  boolean: 'kindBoolean',
  text: 'kindText',
};

function valueOf(field: Field): string {
  if (field.input instanceof HTMLInputElement && field.input.type === 'checkbox') {
    return field.input.checked ? 'true' : '';
  }
  return field.input.value.trim();
}

function buildField(tag: string, attr: ManifestAttribute): Field {
  const id = `attr-${attr.name}`;
  const { kind, values } = describeType(attr.type?.text, attr.description);
  const defaultValue = attr.default ? unquote(attr.default) : '';
  const hint = defaultValue || describedDefault(attr.description);
  const check = kind === 'text' ? checkFor(attr.name, attr.description) : undefined;
  const described = [`${id}-desc`, check === 'url' ? `${id}-hint` : '', `${id}-msg`]
    .filter(Boolean)
    .join(' ');
  let input: HTMLInputElement | HTMLSelectElement;
  if (kind === 'enum') {
    input = h('select', { id, 'aria-describedby': described });
    if (!values.includes(defaultValue)) input.append(say(h('option', { value: '' }), 'unset'));
    for (const value of values) {
      const option = h('option', { value }, value);
      if (value === defaultValue) option.append(' ', say(h('span'), 'default'));
      input.append(option);
    }
    input.value = values.includes(defaultValue) ? defaultValue : '';
  } else if (kind === 'boolean') {
    input = h('input', { id, type: 'checkbox', 'aria-describedby': described });
  } else {
    input = h('input', {
      id,
      type: 'text',
      inputmode: kind === 'number' ? 'decimal' : isUrlCheck(check) ? 'url' : false,
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-describedby': described,
      list: check === 'url' && embed.feeds.length ? 'sample-feeds' : false,
    });
  }
  const kindWord: WordKey = isUrlCheck(check) ? 'kindUrl' : KIND_WORD[kind];
  const label = h(
    'label',
    { for: id },
    h('code', {}, attr.name),
    ' ',
    say(h('span', { class: 'field-kind' }), kindWord),
  );
  const description = h(
    'p',
    { id: `${id}-desc`, class: 'field-desc' },
    sayText(h('span'), {
      th: thaiText(tag, { attribute: attr.name }),
      en: attr.description ?? '',
    }),
  );
  if (hint && kind !== 'enum' && kind !== 'boolean') {
    // A default the description already states is not repeated, only shown as a placeholder.
    if (defaultValue) {
      description.append(' ', say(h('span', { class: 'field-default' }), 'defaultIs', hint));
    }
    input.setAttribute('placeholder', hint);
  }
  const message = h('p', { id: `${id}-msg`, class: 'field-msg', hidden: true });
  const box =
    kind === 'boolean'
      ? h('div', { class: 'field field-check' }, input, label, description, message)
      : h('div', { class: 'field' }, label, input, description, message);
  if (check === 'url')
    description.after(say(h('p', { id: `${id}-hint`, class: 'field-desc' }), 'relative'));
  fieldsBox.append(box);
  return { name: attr.name, kind, values, defaultValue, check, input, message };
}

function buildLangField(): HTMLSelectElement {
  const input = h(
    'select',
    { id: 'attr-lang' },
    say(h('option', { value: '' }), 'langInherit'),
    h('option', { value: 'th', lang: 'th' }, 'th — ไทย'),
    h('option', { value: 'en', lang: 'en' }, 'en — English'),
  );
  const label = h(
    'label',
    { for: 'attr-lang' },
    h('code', {}, 'lang'),
    ' ',
    say(h('span', { class: 'field-kind' }), 'langAttr'),
  );
  fieldsBox.append(h('div', { class: 'field' }, label, input));
  return input;
}

function setValue(field: Field, value: string | undefined): void {
  if (field.input instanceof HTMLInputElement && field.input.type === 'checkbox') {
    field.input.checked = value !== undefined && value !== 'false';
  } else if (field.kind === 'enum' && value === undefined) {
    field.input.value = field.values.includes(field.defaultValue) ? field.defaultValue : '';
  } else {
    field.input.value = value ?? '';
  }
}

function fill(values: Record<string, string>): void {
  for (const field of fields) setValue(field, values[field.name]);
  if (langField) langField.value = values.lang === 'th' || values.lang === 'en' ? values.lang : '';
}

/** Shows each field's problem; returns the attributes that are fine, in manifest order. */
function validate(): { attributes: [string, string | true][]; invalid: number } {
  const attributes: [string, string | true][] = [];
  let invalid = 0;
  for (const field of fields) {
    const value = valueOf(field);
    const problem = checkValue(field, value);
    field.input.setAttribute('aria-invalid', String(problem?.level === 'error'));
    field.message.hidden = !problem;
    field.message.className = `field-msg ${problem?.level ?? ''}`;
    if (problem) say(field.message, problem.key, problem.value);
    if (problem?.level === 'error') {
      invalid += 1;
      continue;
    }
    if (value === '' || value === field.defaultValue) continue;
    attributes.push([field.name, field.kind === 'boolean' ? true : value]);
  }
  if (langField?.value) attributes.push(['lang', langField.value]);
  return { attributes, invalid };
}

// ---------------------------------------------------------------------------------------------
// Output

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The element's tag: on one line when short, else one attribute per line. */
function tagSnippet(tag: string, attributes: [string, string | true][]): string {
  const parts = attributes.map(([name, value]) =>
    value === true ? name : `${name}="${escapeAttribute(value)}"`,
  );
  const oneLine = `<${tag}${parts.map((part) => ` ${part}`).join('')}></${tag}>`;
  if (oneLine.length <= 80) return oneLine;
  return `<${tag}\n${parts.map((part) => `  ${part}`).join('\n')}\n></${tag}>`;
}

function scriptSource(): string {
  const self = document.querySelector<HTMLInputElement>(
    'input[name="source"][value="self"]',
  )?.checked;
  selfPathField.hidden = !self;
  if (!self) return embed.url;
  const path = selfPath.value.trim();
  const problem = path ? checkValue({ kind: 'text', values: [], check: 'link' }, path) : undefined;
  selfPath.setAttribute('aria-invalid', String(problem?.level === 'error'));
  selfPathMessage.hidden = !problem;
  if (problem) say(selfPathMessage, problem.key, problem.value);
  return path || 'ect-widgets.js';
}

function scriptSnippet(src: string, integrity: string | null): string {
  const sri = integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : '';
  return `<script type="module" src="${escapeAttribute(src)}"${sri}></script>`;
}

function formatBuilt(iso: string): string {
  return new Intl.DateTimeFormat(lang() === 'th' ? 'th-TH' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

function renderCode(attributes: [string, string | true][], invalid: number): void {
  codeScript.textContent = scriptSnippet(scriptSource(), embed.integrity);
  const self = selfPathField.hidden === false;
  if (embed.integrity && embed.builtAt) {
    say(sriNote, self ? 'builtAt' : 'cdnBuiltAt', formatBuilt(embed.builtAt));
  } else say(sriNote, 'noDist', embed.buildError ?? '');
  sriNote.classList.toggle('warning', !embed.integrity);
  codeTag.textContent = current ? tagSnippet(current.tagName, attributes) : '';
  tagNote.hidden = invalid === 0;
  if (invalid) say(tagNote, 'invalid', String(invalid));
}

function updatePreview(attributes: [string, string | true][]): void {
  if (!live) return;
  const wanted = new Map(attributes.map(([name, value]) => [name, value === true ? '' : value]));
  for (const field of [...fields.map((f) => f.name), 'lang']) {
    const value = wanted.get(field);
    if (value === undefined) live.removeAttribute(field);
    else if (live.getAttribute(field) !== value) live.setAttribute(field, value);
  }
}

function showState(): void {
  if (!current || !live) return;
  if (!customElements.get(current.tagName)) say(previewState, 'notDefined', current.tagName);
  else say(previewState, 'state', live.getAttribute('state') ?? '…');
}

/** `{ source: "network", data: {…} }`: an event detail, short. */
function summarize(detail: unknown): string {
  if (detail === null || typeof detail !== 'object')
    return detail === undefined ? '' : String(detail);
  return `{ ${Object.entries(detail)
    .map(([key, value]) => {
      if (Array.isArray(value)) return `${key}: [${value.length}]`;
      if (value && typeof value === 'object') {
        const kind = (value as { kind?: unknown }).kind;
        return `${key}: {${typeof kind === 'string' ? ` kind: "${kind}" ` : '…'}}`;
      }
      const text = JSON.stringify(value) ?? '';
      return `${key}: ${text.length > 160 ? `${text.slice(0, 159)}…` : text}`;
    })
    .join(', ')} }`;
}

function logEvent(event: Event): void {
  const time = new Date().toLocaleTimeString('en-GB');
  const detail = event instanceof CustomEvent ? summarize(event.detail) : '';
  eventLog.querySelector('[data-word="noEvents"]')?.remove();
  eventLog.prepend(h('li', {}, h('code', {}, `${time} ${event.type} ${detail}`)));
  while (eventLog.children.length > 8) eventLog.lastElementChild?.remove();
}

function renderPreview(): void {
  stateObserver?.disconnect();
  preview.replaceChildren();
  eventLog.replaceChildren(say(h('li'), 'noEvents'));
  if (!current) return;
  live = document.createElement(current.tagName);
  for (const { name } of current.events ?? []) live.addEventListener(name, logEvent);
  stateObserver = new MutationObserver(showState);
  stateObserver.observe(live, { attributes: true, attributeFilter: ['state'] });
  customElements.whenDefined(current.tagName).then(showState, () => undefined);
}

let previewTimer: number | undefined;

/** Validates, writes the code at once, and updates the preview after typing pauses. */
function update(immediate = false): void {
  const { attributes, invalid } = validate();
  renderCode(attributes, invalid);
  showState();
  window.clearTimeout(previewTimer);
  if (immediate) updatePreview(attributes);
  else previewTimer = window.setTimeout(() => updatePreview(attributes), 400);
  const params = new URLSearchParams(current ? { element: current.tagName } : {});
  for (const [name, value] of attributes) params.set(name, value === true ? '' : value);
  history.replaceState(null, '', `#${params}`);
}

function chooseElement(wanted: string, values?: Record<string, string>): void {
  current = elements.find((element) => element.tagName === wanted) ?? elements[0];
  if (!current) return;
  select.value = current.tagName;
  const tag = current.tagName;
  summary.replaceChildren(
    sayText(h('span'), { th: thaiText(tag, 'summary'), en: current.summary ?? '' }),
    ...(current.description
      ? [h('br'), sayText(h('span'), { th: thaiText(tag, 'description'), en: current.description })]
      : []),
  );
  fieldsBox.replaceChildren();
  fields = (current.attributes ?? []).map((attr) => buildField(tag, attr));
  langField = buildLangField();
  fill(values ?? embed.examples[current.tagName] ?? {});
  renderPreview();
  update(true);
  // Appended with its attributes set, so it starts on the right feed.
  if (live) preview.append(live);
}

// ---------------------------------------------------------------------------------------------
// Copying

async function copy(text: string, done: WordKey, box: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    say(copyStatus, done);
  } catch {
    // No clipboard API (a plain-http page other than localhost): select the text instead.
    const range = document.createRange();
    range.selectNodeContents(box);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    say(copyStatus, document.execCommand('copy') ? done : 'copyFailed');
  }
}

// ---------------------------------------------------------------------------------------------
// Start

function start(): void {
  document.body.append(
    h(
      'datalist',
      { id: 'sample-feeds' },
      ...embed.feeds.map((feed) => h('option', { value: feed })),
    ),
  );
  if (elements.length === 0) {
    say(summary, 'noElements');
    return;
  }
  for (const element of elements) {
    select.append(h('option', { value: element.tagName }, element.tagName));
  }
  // jsDelivr serves only what is on npm: until this version is, the default is self-hosting.
  const source = embed.published ? 'cdn' : 'self';
  const radio = document.querySelector<HTMLInputElement>(`input[name="source"][value="${source}"]`);
  if (radio) radio.checked = true;
  say(cdnNote, embed.published ? 'published' : 'unpublished', `${embed.name}@${embed.version}`);
  const params = new URLSearchParams(location.hash.slice(1));
  const fromHash = params.get('element');
  if (fromHash && elements.some((element) => element.tagName === fromHash)) {
    params.delete('element');
    chooseElement(fromHash, Object.fromEntries(params));
  } else {
    chooseElement(elements[0].tagName);
  }

  select.addEventListener('change', () => chooseElement(select.value));
  fieldsBox.addEventListener('input', () => update());
  fieldsBox.addEventListener('change', () => update(true));
  document.getElementById('use-example')?.addEventListener('click', () => {
    fill(embed.examples[current?.tagName ?? ''] ?? {});
    update(true);
  });
  document.getElementById('clear-all')?.addEventListener('click', () => {
    fill({});
    update(true);
  });
  for (const input of document.querySelectorAll('input[name="source"]')) {
    input.addEventListener('change', () => update(true));
  }
  selfPath.addEventListener('input', () => update(true));
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    button.addEventListener('click', () => {
      const which = button.dataset.copy;
      if (which === 'script') copy(codeScript.textContent ?? '', 'copiedScript', codeScript);
      else if (which === 'tag') copy(codeTag.textContent ?? '', 'copiedTag', codeTag);
      else copy(`${codeScript.textContent}\n\n${codeTag.textContent}`, 'copiedBoth', codeTag);
    });
  }
  // The page's language switch (lang-switch.js) sets <html lang>; the generated words follow.
  new MutationObserver(() => {
    relabel();
    update(true);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

start();
