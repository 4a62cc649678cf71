import { expect } from '@open-wc/testing';
import { inertHtml, inertXml } from '../../src/feed/inert-markup.js';
import { looksLikeHtml } from '../../src/feed/parse/normalize.js';

describe('inertHtml', () => {
  it('renames handlers and style, also after a quoted >', () => {
    expect(inertHtml('<p title="a>b" onclick="x()" style="c">t</p>')).to.equal(
      '<p title="a>b" data-x-onclick="x()" data-x-style="c">t</p>',
    );
    expect(inertHtml(`<img alt='>' src=a.png onerror=x STYLE=y/>`)).to.equal(
      `<img alt='>' src=a.png data-x-onerror=x data-x-STYLE=y/>`,
    );
    expect(inertHtml('<p/onclick=x>')).to.equal('<p/data-x-onclick=x>');
  });

  it('leaves URLs, text and comments alone', () => {
    const html =
      '<a href="https://www.ect.go.th/style/report.pdf">/files/on/8.pdf</a> onclick=x <!-- <p onclick=x> -->';
    expect(inertHtml(html)).to.equal(html);
  });

  it('removes script, style and raw-text elements with their content, also unclosed', () => {
    expect(inertHtml('<p>a</p><script>x()</script><p>b</p>')).to.equal('<p>a</p><p>b</p>');
    expect(inertHtml('<p>a</p><div><script>window.x = 1;')).to.equal('<p>a</p><div>');
    expect(inertHtml('<svg><style>p{}</style></svg><STYLE >q{}</style >')).to.equal('<svg></svg>');
    expect(inertHtml('<textarea></textarea><img onerror=x></textarea>')).to.equal(
      '<img data-x-onerror=x></textarea>',
    );
  });

  it('reads 100,000 unclosed comments, tags and quotes in one pass', () => {
    for (const text of [
      '<!--'.repeat(100_000),
      '<p title="'.repeat(100_000),
      '<a '.repeat(100_000),
    ]) {
      const start = performance.now();
      inertHtml(text);
      expect(performance.now() - start).to.be.below(200);
    }
  });
});

describe('inertXml', () => {
  const XHTML = 'http://www.w3.org/1999/xhtml';

  it('renames handlers, style attributes and style elements only in XHTML, SVG and MathML', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><category term="online services" style="x"/><content><div xmlns="${XHTML}"><p onclick="x" style="y">t</p><style>p{}</style><h:style xmlns:h="${XHTML}"/></div></content></feed>`;
    expect(inertXml(xml)).to.equal(
      `<feed xmlns="http://www.w3.org/2005/Atom"><category term="online services" style="x"/><content><div xmlns="${XHTML}"><p data-x-onclick="x" data-x-style="y">t</p><data-x-style>p{}</data-x-style><h:data-x-style xmlns:h="${XHTML}"/></div></content></feed>`,
    );
  });

  it('finds namespaces written with character references', () => {
    expect(inertXml('<p xmlns="http://www.w3.org/1999/x&#104;tml" onclick="x"/>')).to.equal(
      '<p xmlns="http://www.w3.org/1999/x&#104;tml" data-x-onclick="x"/>',
    );
  });

  it('leaves feeds without HTML namespaces as they are', () => {
    const rss =
      '<rss><channel><item><enclosure url="https://www.ect.go.th/style/report.pdf" onclick="x"/><link>/files/on/8.pdf</link></item></channel></rss>';
    expect(inertXml(rss)).to.equal(rss);
  });
});

describe('looksLikeHtml', () => {
  it('sees an HTML page after comments, and no HTML after 40 comments, at once', () => {
    expect(looksLikeHtml('<!-- a --> <!--b--><!DOCTYPE html><html>')).to.be.true;
    const start = performance.now();
    expect(looksLikeHtml(`${'<!--x-->'.repeat(40)}<rss>`)).to.be.false;
    expect(looksLikeHtml('<!--'.repeat(100_000))).to.be.false;
    expect(performance.now() - start).to.be.below(200);
  });
});
