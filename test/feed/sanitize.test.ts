import { expect } from '@open-wc/testing';
import { hasMarkup, htmlContent } from '../../src/feed/parse/feed-item.js';
import { sanitizeHtml } from '../../src/feed/sanitize.js';

const BASE = 'https://www.ect.go.th/chiangrai/rss.xml';

/** Parses sanitized output the way an element would show it, to inspect it as a tree. */
function tree(html: string): HTMLTemplateElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template;
}

describe('sanitizeHtml', () => {
  it('keeps allowed structure and text, and resolves links and images against the feed', async () => {
    const { html, text, image } = await sanitizeHtml(
      '<h2>ข่าวประชาสัมพันธ์</h2><p>ลงนาม <a href="/news/1.html" title="อ่านต่อ">MOU</a></p>' +
        '<img src="images/mou.jpg" alt="พิธีลงนาม"><ul><li>หนึ่ง</li><li>สอง</li></ul>',
      BASE,
    );
    const t = tree(html).content;
    expect(t.querySelector('h2')!.textContent).to.equal('ข่าวประชาสัมพันธ์');
    expect(t.querySelector('a')!.getAttribute('href')).to.equal(
      'https://www.ect.go.th/news/1.html',
    );
    expect(t.querySelector('a')!.getAttribute('title')).to.equal('อ่านต่อ');
    expect(t.querySelector('img')!.getAttribute('src')).to.equal(
      'https://www.ect.go.th/chiangrai/images/mou.jpg',
    );
    expect(image).to.equal('https://www.ect.go.th/chiangrai/images/mou.jpg');
    expect(text).to.equal('ข่าวประชาสัมพันธ์ ลงนาม MOU หนึ่ง สอง');
  });

  it('removes scripts, handlers, styles, classes, ids and names', async () => {
    const { html, text } = await sanitizeHtml(
      '<p id="cookie" name="x" class="red" style="position:fixed;top:0" onclick="alert(1)">ข่าว</p>' +
        '<script>window.__pwned = 1</script><style>body{display:none}</style>' +
        '<img src="x.jpg" onerror="window.__pwned = 2">' +
        '<svg><script>window.__pwned = 3</script></svg><iframe src="https://evil.example/"></iframe>' +
        '<form id="f"><input name="attributes"></form><object data="x.swf"></object>',
      BASE,
    );
    expect(html).not.to.match(
      /script|onerror|onclick|style|class=|id=|name=|iframe|form|input|object|svg/i,
    );
    expect(text).to.equal('ข่าว');
    const t = tree(html).content;
    expect(t.querySelector('p')!.attributes.length).to.equal(0);
  });

  it('drops javascript:, data: and disguised links but keeps their text', async () => {
    const links = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java&#x09;script:alert(1)',
      ' &#14;javascript:alert(1)',
      'data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;',
      'vbscript:x',
    ];
    for (const href of links) {
      const { html } = await sanitizeHtml(`<a href="${href}">ลิงก์</a>`, BASE);
      expect(html, href).to.equal('<a>ลิงก์</a>');
    }
    // A NUL reference becomes U+FFFD: then it is only an odd relative link on the feed's site.
    const { html } = await sanitizeHtml('<a href="&#0;javascript:alert(1)">ลิงก์</a>', BASE);
    expect(tree(html).content.querySelector('a')!.href).to.match(/^https:\/\/www\.ect\.go\.th\//);
  });

  it('removes images whose source is not http(s)', async () => {
    const { html, image } = await sanitizeHtml(
      '<p>ก<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">ข<img src="javascript:alert(1)"><img></p>',
      BASE,
    );
    expect(html).to.equal('<p>กข</p>');
    expect(image).to.be.undefined;
  });

  it('opens target=_blank links safely and drops other targets', async () => {
    const { html } = await sanitizeHtml(
      '<a href="https://a.example/" target="_blank" rel="opener">ก</a><a href="https://b.example/" target="_top">ข</a>',
    );
    const [blank, top] = tree(html).content.querySelectorAll('a');
    expect(blank.getAttribute('target')).to.equal('_blank');
    expect(blank.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(top.hasAttribute('target')).to.be.false;
  });

  it('keeps paragraphs of unwrapped blocks apart', async () => {
    const { html, text } = await sanitizeHtml('<div>ย่อหน้าหนึ่ง</div><div>ย่อหน้าสอง</div>');
    expect(text).to.equal('ย่อหน้าหนึ่ง ย่อหน้าสอง');
    expect(html).to.equal('ย่อหน้าหนึ่ง<br>ย่อหน้าสอง');
  });

  it('keeps entity-encoded markup as text', async () => {
    const { html, text } = await sanitizeHtml('&lt;script&gt;alert(1)&lt;/script&gt; &amp; ข่าว');
    expect(text).to.equal('<script>alert(1)</script> & ข่าว');
    expect(tree(html).content.querySelector('script')).to.be.null;
  });

  it('returns a string and leaves a global DOMPurify alone', async () => {
    const { html } = await sanitizeHtml('<b>ก</b>');
    expect(html).to.be.a('string');
    const { default: globalPurify } = await import('dompurify');
    // Our hooks resolve links and drop data: images; the page's own DOMPurify does neither.
    expect(
      globalPurify.sanitize('<a href="/x">x</a><img src="data:image/png;base64,AA">'),
    ).to.equal('<a href="/x">x</a><img src="data:image/png;base64,AA">');
  });
});

describe('htmlContent', () => {
  it('collapses plain text without sanitizing it', async () => {
    expect(await htmlContent('  รับสมัคร\n   8 - 12 สิงหาคม  ')).to.deep.equal({
      text: 'รับสมัคร 8 - 12 สิงหาคม',
    });
  });

  it('sanitizes text with markup or entities', async () => {
    const result = await htmlContent('<p>ก</p><p onclick="x()">ข</p>');
    expect(result.html).to.equal('<p>ก</p><p>ข</p>');
    expect(result.text).to.equal('ก ข');
  });

  it('tells markup from plain text cheaply', () => {
    expect(hasMarkup('ราคา 5 < 6 บาท & ภาษี')).to.be.false;
    expect(hasMarkup('<p>ก</p>')).to.be.true;
    expect(hasMarkup('a <!-- c -->')).to.be.true;
    expect(hasMarkup('ก&nbsp;ข')).to.be.true;
    expect(hasMarkup('&#3585;')).to.be.true;
  });
});
