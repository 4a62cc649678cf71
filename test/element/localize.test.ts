import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { msg } from '@lit/localize';
import { inLang, LangController, normalizeLang, resolveLang } from '../../src/element/localize.js';
import { messages } from '../../src/element/messages.js';

class TestLangElement extends LitElement {
  langs = new LangController(this);
  renders = 0;

  override render() {
    this.renders++;
    return this.langs.render(() => html`<p>${messages.loading()}</p>`);
  }
}
customElements.define('test-lang-element', TestLangElement);

/** Hosts a test element inside its shadow root, to check inheritance across shadow roots. */
class TestLangShell extends LitElement {
  override render() {
    return html`<div><test-lang-element></test-lang-element></div>`;
  }
}
customElements.define('test-lang-shell', TestLangShell);

const text = (el: TestLangElement) => el.shadowRoot!.querySelector('p')!.textContent;

describe('inLang', () => {
  it('resolves msg() in the given language', () => {
    expect(inLang('th', () => messages.loading())).to.equal('กำลังโหลด…');
    expect(inLang('en', () => messages.loading())).to.equal('Loading…');
    expect(inLang('th', () => messages.updatedAt('09.30 น.'))).to.equal('อัปเดต 09.30 น.');
    expect(inLang('en', () => messages.updatedAt('9:30 AM'))).to.equal('Updated 9:30 AM');
  });

  it('nests and restores the outer language, even after a throw', () => {
    const out = inLang('th', () => [
      messages.retry(),
      inLang('en', () => messages.retry()),
      messages.retry(),
    ]);
    expect(out).to.deep.equal(['ลองใหม่', 'Retry', 'ลองใหม่']);
    expect(() =>
      inLang('en', () => {
        throw new Error('boom');
      }),
    ).to.throw('boom');
    expect(inLang('th', () => messages.next())).to.equal('ถัดไป');
  });

  it('translates every shared word', () => {
    const words = inLang('th', () =>
      Object.values(messages).map((f) => (f as (x: string) => string)('x')),
    );
    expect(words).to.deep.equal([
      'กำลังโหลด…',
      'ลองใหม่',
      'โหลดข้อมูลไม่สำเร็จ',
      'โหลดส่วนนี้ของหน้าเว็บไม่สำเร็จ',
      'ยังไม่มีข้อมูล',
      'แสดงข้อมูลที่บันทึกไว้ อัปเดตล่าสุดไม่สำเร็จ',
      'ทั้งหมด',
      'ดูทั้งหมด',
      'ใหม่',
      'อัปเดต x',
      'หยุดชั่วคราว',
      'เล่นต่อ',
      'ก่อนหน้า',
      'ถัดไป',
    ]);
  });

  it('leaves a message without translation in English', () => {
    expect(
      inLang('th', () => msg('Untranslated test words', { id: 'test-untranslated' })),
    ).to.equal('Untranslated test words');
  });
});

describe('normalizeLang', () => {
  it('maps tags to th or en', () => {
    expect(normalizeLang('th')).to.equal('th');
    expect(normalizeLang('th-TH')).to.equal('th');
    expect(normalizeLang('TH_th')).to.equal('th');
    expect(normalizeLang('en')).to.equal('en');
    expect(normalizeLang('en-GB')).to.equal('en');
    expect(normalizeLang('fr')).to.equal('en');
    expect(normalizeLang('')).to.be.undefined;
    expect(normalizeLang(null)).to.be.undefined;
    expect(normalizeLang(undefined)).to.be.undefined;
  });
});

describe('resolveLang', () => {
  let htmlLang: string | null;
  beforeEach(() => {
    htmlLang = document.documentElement.getAttribute('lang');
  });
  afterEach(() => {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  it('takes the own attribute first', async () => {
    const el = await fixture(html`<div lang="th"><span lang="en-GB"></span></div>`);
    expect(resolveLang(el.querySelector('span')!)).to.equal('en');
  });

  it('takes the closest ancestor, skipping an empty lang', async () => {
    const el = await fixture(
      html`<div lang="en">
        <section lang="th-TH">
          <p lang=""><span></span></p>
        </section>
      </div>`,
    );
    expect(resolveLang(el.querySelector('span')!)).to.equal('th');
  });

  it('crosses shadow roots to the host', async () => {
    const outer = await fixture(html`<div lang="en"><test-lang-shell></test-lang-shell></div>`);
    const shell = outer.querySelector('test-lang-shell') as TestLangShell;
    await shell.updateComplete;
    const inner = shell.shadowRoot!.querySelector('test-lang-element')!;
    expect(resolveLang(inner)).to.equal('en');
  });

  it('falls back to the document, then to Thai', async () => {
    const el = await fixture(html`<div><span></span></div>`);
    const span = el.querySelector('span')!;
    document.documentElement.setAttribute('lang', 'en-US');
    expect(resolveLang(span)).to.equal('en');
    document.documentElement.removeAttribute('lang');
    expect(resolveLang(span)).to.equal('th');
    expect(resolveLang(document.createElement('span'))).to.equal('th');
  });
});

describe('LangController', () => {
  it('renders two elements on one page in their own languages', async () => {
    const el = await fixture(html`
      <div>
        <test-lang-element lang="en"></test-lang-element>
        <div lang="th"><test-lang-element></test-lang-element></div>
      </div>
    `);
    const [a, b] = el.querySelectorAll<TestLangElement>('test-lang-element');
    await a.updateComplete;
    await b.updateComplete;
    expect(text(a)).to.equal('Loading…');
    expect(text(b)).to.equal('กำลังโหลด…');
    expect(a.langs.lang).to.equal('en');
    expect(b.langs.lang).to.equal('th');
  });

  it('re-renders when an ancestor changes lang at runtime, and only the elements concerned', async () => {
    const el = await fixture(html`
      <div>
        <div id="a" lang="th"><test-lang-element></test-lang-element></div>
        <div id="b" lang="th"><test-lang-element></test-lang-element></div>
      </div>
    `);
    const [a, b] = el.querySelectorAll<TestLangElement>('test-lang-element');
    await b.updateComplete;
    const bRenders = b.renders;
    el.querySelector('#a')!.setAttribute('lang', 'en');
    await waitUntil(() => text(a) === 'Loading…', 'element did not switch to English');
    expect(text(b)).to.equal('กำลังโหลด…');
    expect(b.renders).to.equal(bRenders);

    el.querySelector('#a')!.removeAttribute('lang');
    el.setAttribute('lang', 'th');
    await waitUntil(() => text(a) === 'กำลังโหลด…', 'element did not return to Thai');
  });

  it('follows its own lang attribute and a change inside a shadow root', async () => {
    const outer = await fixture(html`<div lang="th"><test-lang-shell></test-lang-shell></div>`);
    const shell = outer.querySelector('test-lang-shell') as TestLangShell;
    await shell.updateComplete;
    const inner = shell.shadowRoot!.querySelector<TestLangElement>('test-lang-element')!;
    await inner.updateComplete;
    expect(text(inner)).to.equal('กำลังโหลด…');

    outer.setAttribute('lang', 'en');
    await waitUntil(() => text(inner) === 'Loading…', 'host-level change not seen');

    shell.shadowRoot!.querySelector('div')!.setAttribute('lang', 'th');
    await waitUntil(() => text(inner) === 'กำลังโหลด…', 'change inside shadow root not seen');

    inner.setAttribute('lang', 'en');
    await waitUntil(() => text(inner) === 'Loading…', 'own attribute change not seen');
  });

  it('re-resolves when moved to another part of the page', async () => {
    const el = await fixture(html`
      <div>
        <div id="th" lang="th"><test-lang-element></test-lang-element></div>
        <div id="en" lang="en"></div>
      </div>
    `);
    const a = el.querySelector<TestLangElement>('test-lang-element')!;
    await a.updateComplete;
    expect(text(a)).to.equal('กำลังโหลด…');
    el.querySelector('#en')!.append(a);
    await waitUntil(() => text(a) === 'Loading…', 'moved element kept its old language');
  });
});
