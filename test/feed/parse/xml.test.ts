import { expect } from '@open-wc/testing';
import { failure, fixtureText as fixture } from '../../helpers/fixtures.js';
import { parseXmlFeed } from '../../../src/feed/parse/xml.js';

const FEED = 'https://www.ect.go.th/chiangrai/rss/news.xml';

function tree(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

describe('parseXmlFeed: RSS 2.0', () => {
  it('reads the channel and a Thai PR news item', async () => {
    const data = await parseXmlFeed(await fixture('rss-news.xml'), 'rss', FEED);
    expect(data.kind).to.equal('items');
    expect(data.title).to.equal('ข่าวประชาสัมพันธ์ สำนักงาน กกต. ประจำจังหวัดเชียงราย');
    expect(data.link).to.equal('https://www.ect.go.th/chiangrai/');
    expect(data.items).to.have.length(4);
    const news = data.items[0];
    expect(news.id).to.equal('ect-cri-news-2565-0616');
    expect(news.title).to.equal(
      'สำนักงานคณะกรรมการการเลือกตั้ง บูรณาการความร่วมมือกับกระทรวงมหาดไทย สร้างพลเมืองคุณภาพ',
    );
    expect(news.url).to.equal('https://www.ect.go.th/chiangrai/news/16062565.html');
    expect(news.date).to.equal('2022-06-16T02:30:00.000Z');
    expect(news.categories).to.deep.equal(['ข่าวประชาสัมพันธ์']);
    expect(news.pinned).to.be.undefined;
    // summary from the description, HTML from content:encoded
    expect(news.summary).to.equal(
      'สำนักงานคณะกรรมการการเลือกตั้งและกระทรวงมหาดไทย ได้ร่วมมือในการขับเคลื่อนภารกิจการสร้างความรู้ความเข้าใจที่ถูกต้องเกี่ยวกับการปกครองระบอบประชาธิปไตย',
    );
    const body = tree(news.html!);
    expect(body.querySelectorAll('p')).to.have.length(3);
    expect(body.querySelector('br')).to.exist;
    expect(body.textContent).to.contain('ห้องประชุมราชสีห์');
    expect(news.image).to.equal('https://www.ect.go.th/images/news/mou-16062565.jpg');
    expect(news.attachments).to.deep.equal([
      {
        url: 'https://www.ect.go.th/files/mou-16062565.pdf',
        type: 'application/pdf',
        size: 482113,
      },
    ]);
  });

  it('shows entity-encoded markup in a title literally, decoded once', async () => {
    const data = await parseXmlFeed(await fixture('rss-news.xml'), 'rss', FEED);
    const urgent = data.items[1];
    expect(urgent.title).to.equal('<b>ด่วน</b> ประกาศรับสมัครเลือกตั้งสมาชิกสภาเทศบาล & นายกเทศมนตรี');
    expect(urgent.pinned).to.be.true;
    expect(urgent.date).to.equal('2022-08-01T08:00:00.000Z');
    expect(urgent.summary).to.equal('รับสมัครระหว่างวันที่ 8 - 12 สิงหาคม 2565 ณ ที่ว่าการอำเภอเมืองเชียงราย');
    expect(urgent.html, 'plain-text description has no HTML').to.be.undefined;
    expect(urgent.id).to.equal('https://www.ect.go.th/chiangrai/announce/2565-07.html');
  });

  it('reads dc:date, dc:subject and media:thumbnail; omits invalid dates', async () => {
    const data = await parseXmlFeed(await fixture('rss-news.xml'), 'rss', FEED);
    const [, , procurement, undated] = data.items;
    expect(procurement.date).to.equal('2022-08-05T03:15:00.000Z');
    expect(procurement.categories).to.deep.equal(['ข่าวประกวดราคา']);
    expect(procurement.image).to.equal('https://www.ect.go.th/chiangrai/images/procurement.png');
    expect(procurement.summary).to.equal('ราคากลาง 1,250,000 บาท');
    expect(undated.date).to.be.undefined;
    expect(undated.url).to.be.undefined;
    expect(undated.summary).to.be.undefined;
    expect(undated.id).to.match(/^h[0-9a-z]+$/);
  });

  it('mends a bare ampersand, HTML entities and an undeclared media: prefix', async () => {
    const data = await parseXmlFeed(await fixture('rss-sloppy.xml'), 'rss');
    expect(data.title).to.equal('ข่าว กกต. เชียงราย');
    const [item] = data.items;
    expect(item.title).to.equal('ประชุม & สัมมนา เครือข่าย ศส.ปชต.');
    expect(item.url).to.equal('https://www.ect.go.th/ewt_news.php?nid=77&filename=index');
    expect(item.image).to.equal('https://www.ect.go.th/img/77.jpg');
    expect(item.summary).to.equal('a & b');
  });
});

describe('parseXmlFeed: RSS 1.0', () => {
  it('reads RDF items beside the channel', async () => {
    const data = await parseXmlFeed(await fixture('rss10-election.rdf'), 'rss');
    expect(data.title).to.equal('ประกาศเกี่ยวกับการเลือกตั้ง');
    expect(data.items.map((item) => [item.id, item.date])).to.deep.equal([
      ['https://www.ect.go.th/chiangrai/election/result-2566.html', '2023-05-14T14:30:00.000Z'],
      ['https://www.ect.go.th/chiangrai/election/units-2566.html', '2023-04-09T17:00:00.000Z'],
    ]);
    expect(data.items[0].categories).to.deep.equal(['ประกาศผลการเลือกตั้ง']);
    expect(data.items[0].author).to.equal('สำนักงาน กกต. ประจำจังหวัดเชียงราย');
    expect(data.items[0].summary).to.contain('พ.ศ. ๒๕๖๖');
  });
});

describe('parseXmlFeed: Atom', () => {
  it('reads entries with html and xhtml text, xml:base, enclosures and categories', async () => {
    const data = await parseXmlFeed(await fixture('atom-announcements.xml'), 'atom', FEED);
    expect(data.title).to.equal('ประกาศ สำนักงาน กกต. ประจำจังหวัดเชียงราย');
    expect(data.link).to.equal('https://www.ect.go.th/chiangrai/announce/');
    const [announce, procurement] = data.items;
    // type="html": the title is HTML, shown as its text
    expect(announce.title).to.equal('ประกาศ รับสมัคร&จับสลาก หมายเลขผู้สมัคร');
    expect(announce.url).to.equal('https://www.ect.go.th/chiangrai/announce/2565-08-08.html');
    expect(announce.id).to.equal('tag:ect.go.th,2022:announce-0808');
    expect(announce.date).to.equal('2022-08-01T02:00:00.000Z');
    expect(announce.updated).to.equal('2022-08-02T03:00:00.000Z');
    expect(announce.categories).to.deep.equal(['ประกาศเกี่ยวกับการเลือกตั้ง', 'urgent']);
    expect(announce.pinned).to.be.true;
    expect(announce.author).to.equal('ฝ่ายกิจการการเลือกตั้ง');
    expect(announce.summary).to.equal('ประกาศรับสมัครเลือกตั้งสมาชิกสภาองค์การบริหารส่วนตำบล');
    expect(tree(announce.html!).querySelector('a')!.getAttribute('href')).to.equal(
      'https://www.ect.go.th/chiangrai/offices/muang.html',
    );
    expect(announce.attachments).to.deep.equal([
      {
        url: 'https://www.ect.go.th/chiangrai/files/announce-0808.pdf',
        type: 'application/pdf',
        size: 120034,
        title: 'ประกาศฉบับเต็ม',
      },
    ]);

    expect(procurement.title).to.equal('ประกาศ ประกวดราคา ซื้อหีบบัตรเลือกตั้ง');
    expect(procurement.url).to.equal('https://www.ect.go.th/chiangrai/procurement/12.html');
    expect(procurement.date, 'updated when not published').to.equal('2022-08-05T03:15:00.000Z');
    expect(procurement.image).to.equal(
      'https://www.ect.go.th/chiangrai/procurement/images/ballot-box.jpg',
    );
    expect(procurement.html).to.equal('<p>ราคากลาง <strong>1,250,000</strong> บาท</p>');
    expect(procurement.summary).to.equal('ราคากลาง 1,250,000 บาท');
  });
});

describe('parseXmlFeed: hostile content', () => {
  it('keeps scripts, handlers, styles, ids and bad links out', async () => {
    (window as unknown as Record<string, unknown>).__pwned = undefined;
    const data = await parseXmlFeed(await fixture('rss-hostile.xml'), 'rss', FEED);
    expect(data.title).to.equal('<img src=x onerror=alert(1)>ข่าว');
    expect(data.link).to.be.undefined;
    const [item] = data.items;
    expect(item.title).to.equal('<script>alert(1)</script>ประกาศ');
    expect(item.url).to.be.undefined;
    expect(item.attachments).to.deep.equal([]);
    expect(item.image).to.be.undefined;
    const html = item.html!;
    expect(html).not.to.match(
      /script|onerror|onclick|style|class=|id=|name=|iframe|form|input|javascript|data:/i,
    );
    const body = tree(html);
    const links = [...body.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      null,
      null,
      null,
      'https://www.ect.go.th/ok.html',
    ]);
    expect(links[3].rel).to.equal('noopener noreferrer');
    expect(body.querySelector('img')).to.be.null;
    expect(item.summary).to.contain('ลิงก์ 1 ลิงก์ 2 ลิงก์ 3 ลิงก์ 4 &lt;b&gt;not bold&lt;/b&gt;');
    expect(item.summary).to.contain('ข้อความ');
    expect((window as unknown as Record<string, unknown>).__pwned).to.be.undefined;
  });
});

describe('parseXmlFeed: errors', () => {
  it('names the format and the line of malformed XML', async () => {
    const error = await failure(parseXmlFeed(await fixture('rss-broken.xml'), 'rss'));
    expect(error.message).to.equal('RSS: not well-formed XML (line 4)');
    expect(error.details.format).to.equal('rss');
    const atom = await failure(
      parseXmlFeed('<feed xmlns="http://www.w3.org/2005/Atom"><entry>', 'atom'),
    );
    expect(atom.message).to.match(/^Atom: not well-formed XML \(line 1\)$/);
  });

  it('recognizes an HTML page and other XML', async () => {
    const html = await failure(
      parseXmlFeed('<!doctype html><html><body>Not found</body></html>', 'rss'),
    );
    expect(html.message).to.equal('RSS: expected RSS or Atom, got an HTML page');
    const xhtml = await failure(
      parseXmlFeed('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'rss'),
    );
    expect(xhtml.message).to.equal('RSS: expected RSS or Atom, got an HTML page');
    const other = await failure(parseXmlFeed('<?xml version="1.0"?><sitemap/>', 'rss'));
    expect(other.message).to.equal('RSS: expected RSS or Atom, got a <sitemap> document');
  });

  it('takes an RSS channel without items as an empty feed', async () => {
    const data = await parseXmlFeed(
      '<rss version="2.0"><channel><title>ว่าง</title></channel></rss>',
      'rss',
    );
    expect(data).to.deep.equal({ kind: 'items', title: 'ว่าง', items: [] });
    const bare = await parseXmlFeed('<rss/>', 'rss');
    expect(bare.items).to.deep.equal([]);
  });
});

describe('parseXmlFeed: feed data is never renamed (issue 17, item 4)', () => {
  it('keeps URLs and terms that contain "style" or "on"', async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title><link>https://www.ect.go.th/style/index.html</link><enclosure url="https://www.ect.go.th/style/report.pdf" type="application/pdf" length="10"/><enclosure url="/files/on/8.pdf" type="application/pdf"/><category>online services</category></item></channel></rss>`;
    const [item] = (await parseXmlFeed(rss, 'rss', FEED)).items;
    expect(item.url).to.equal('https://www.ect.go.th/style/index.html');
    expect(item.attachments!.map((file) => file.url)).to.deep.equal([
      'https://www.ect.go.th/style/report.pdf',
      'https://www.ect.go.th/files/on/8.pdf',
    ]);
    expect(item.categories).to.deep.equal(['online services']);
  });

  it('keeps Atom category terms and links, also beside XHTML content', async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>a</title><id>x</id><link href="/style/a.html"/><link rel="enclosure" href="/files/on/8.pdf" type="application/pdf"/><category term="online services"/><category term='style "guide"' /><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p onclick="x()" style="color:red">text</p></div></content></entry></feed>`;
    const [entry] = (await parseXmlFeed(atom, 'atom', FEED)).items;
    expect(entry.url).to.equal('https://www.ect.go.th/style/a.html');
    expect(entry.attachments!.map((file) => file.url)).to.deep.equal([
      'https://www.ect.go.th/files/on/8.pdf',
    ]);
    expect(entry.categories).to.deep.equal(['online services', 'style "guide"']);
    expect(entry.html).to.equal('<p>text</p>');
  });
});

describe('parseXmlFeed: dc:title (issue 17, item 10)', () => {
  it('reads dc:title when an RSS item has no title', async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title><item><dc:title>ประกาศ กกต.</dc:title></item><item><title>own</title><dc:title>dc</dc:title></item></channel></rss>`;
    const data = await parseXmlFeed(rss, 'rss', FEED);
    expect(data.items.map((item) => item.title)).to.deep.equal(['ประกาศ กกต.', 'own']);
  });
});

describe('parseXmlFeed: hostile XHTML content', () => {
  it('keeps no handler, style attribute or style element of XHTML, SVG or MathML', async () => {
    const data = await parseXmlFeed(await fixture('atom-hostile-xhtml.xml'), 'atom', FEED);
    const html = data.items[0].html ?? '';
    expect(html).to.contain('ข้อความ');
    expect(html).not.to.match(/on\w+=|style|display|svg/i);
  });
});
