import { expect } from '@open-wc/testing';
import { safeColor, safeImageUrl, safeUrl } from '../../src/feed/url.js';

const BASE = 'https://www.ect.go.th/chiangrai/feed/news.xml';

describe('safeUrl', () => {
  it('resolves relative links against the feed URL', () => {
    expect(safeUrl('../news/16062565.html', BASE)).to.equal(
      'https://www.ect.go.th/chiangrai/news/16062565.html',
    );
    expect(safeUrl('/ewt_news.php?nid=1&filename=index', BASE)).to.equal(
      'https://www.ect.go.th/ewt_news.php?nid=1&filename=index',
    );
  });

  it('resolves a relative feed URL against the page', () => {
    expect(safeUrl('a.html', '/feeds/news.xml')).to.equal(
      new URL('/feeds/a.html', location.href).href,
    );
  });

  it('keeps http, https, mailto and tel links', () => {
    expect(safeUrl('http://example.com/')).to.equal('http://example.com/');
    expect(safeUrl('  https://example.com/ข่าว  ')).to.equal(
      'https://example.com/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7',
    );
    expect(safeUrl('mailto:chiangrai@ect.go.th')).to.equal('mailto:chiangrai@ect.go.th');
    expect(safeUrl('tel:053-711-xxx')).to.equal('tel:053-711-xxx');
  });

  it('rejects script, data, file and blob links however they are disguised', () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java script:alert(1)',
      'jav\u00a0ascript:alert(1)',
      '\u0000javascript:alert(1)',
      'java\u0000script:alert(1)',
      '\u0001\u001fjavascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD4=',
      'file:///etc/passwd',
      'blob:https://example.com/uuid',
    ];
    for (const href of hostile) expect(safeUrl(href, BASE), JSON.stringify(href)).to.be.undefined;
  });

  it('gives undefined for empty, missing or unparsable values', () => {
    expect(safeUrl('')).to.be.undefined;
    expect(safeUrl('   ')).to.be.undefined;
    expect(safeUrl(null)).to.be.undefined;
    expect(safeUrl(undefined)).to.be.undefined;
    expect(safeUrl(42 as unknown as string)).to.be.undefined;
    expect(safeUrl('http://[bad')).to.be.undefined;
  });
});

describe('safeImageUrl', () => {
  it('keeps only http and https images', () => {
    expect(safeImageUrl('/images/pr.jpg', BASE)).to.equal('https://www.ect.go.th/images/pr.jpg');
    expect(safeImageUrl('mailto:a@b.c')).to.be.undefined;
    expect(safeImageUrl('data:image/png;base64,AAAA')).to.be.undefined;
    expect(safeImageUrl('javascript:alert(1)')).to.be.undefined;
  });
});

describe('safeColor', () => {
  it('keeps plain hex colours only', () => {
    expect(safeColor('#1F6FEB')).to.equal('#1f6feb');
    expect(safeColor(' #f00 ')).to.equal('#f00');
    for (const bad of [
      'red',
      '#12345',
      '#1234567',
      'url(x)',
      'expression(alert(1))',
      '#fff;x',
      12,
      null,
      {},
    ]) {
      expect(safeColor(bad), String(bad)).to.be.undefined;
    }
  });
});
