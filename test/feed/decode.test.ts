import { expect } from '@open-wc/testing';
import { charsetOf, decodeFeed } from '../../src/feed/decode.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** ก (U+0E01) is 0xA1 in the Thai single-byte code page; ASCII is itself. */
const thai874 = (text: string) =>
  Uint8Array.from(
    [...text].map((ch) => {
      const cp = ch.codePointAt(0)!;
      return cp >= 0x0e01 && cp <= 0x0e5b ? cp - 0x0e00 + 0xa0 : cp;
    }),
  );

async function served(query: string): Promise<{ bytes: ArrayBuffer; type: string | null }> {
  const response = await fetch(`/api/feed?${query}`);
  return { bytes: await response.arrayBuffer(), type: response.headers.get('Content-Type') };
}

describe('charsetOf', () => {
  it('reads the charset parameter in any case and quoting', () => {
    expect(charsetOf('application/rss+xml; charset=UTF-8')).to.equal('utf-8');
    expect(charsetOf('text/xml;Charset="TIS-620"')).to.equal('tis-620');
    expect(charsetOf('text/csv; header=present; charset=windows-874')).to.equal('windows-874');
  });

  it('gives undefined without a charset', () => {
    expect(charsetOf('application/json')).to.be.undefined;
    expect(charsetOf('')).to.be.undefined;
    expect(charsetOf(null)).to.be.undefined;
    expect(charsetOf(undefined)).to.be.undefined;
    expect(charsetOf('text/plain; charset=')).to.be.undefined;
  });
});

describe('decodeFeed', () => {
  it('decodes UTF-8 by default, from an ArrayBuffer or a Uint8Array', () => {
    const bytes = utf8('ข่าวประชาสัมพันธ์');
    expect(decodeFeed(bytes)).to.equal('ข่าวประชาสัมพันธ์');
    expect(decodeFeed(bytes.buffer as ArrayBuffer)).to.equal('ข่าวประชาสัมพันธ์');
  });

  it('decodes every Thai single-byte label as Thai', () => {
    const bytes = thai874('กกต. เชียงราย');
    for (const label of [
      'tis-620',
      'TIS620',
      'iso-8859-11',
      'windows-874',
      'x-windows-874',
      'cp874',
    ]) {
      expect(decodeFeed(bytes, `text/xml; charset=${label}`), label).to.equal('กกต. เชียงราย');
    }
  });

  it('takes the encoding from the XML prolog when the Content-Type has none', () => {
    const bytes = thai874(
      '<?xml version="1.0" encoding="TIS-620"?><rss><title>ประกาศ</title></rss>',
    );
    expect(decodeFeed(bytes, 'text/xml')).to.contain('<title>ประกาศ</title>');
    const single = thai874("<?xml version='1.0' encoding='windows-874' ?><a>ข่าว</a>");
    expect(decodeFeed(single)).to.contain('<a>ข่าว</a>');
  });

  it('lets the Content-Type charset win over the prolog', () => {
    const bytes = utf8('<?xml version="1.0" encoding="TIS-620"?><a>ข่าว</a>');
    expect(decodeFeed(bytes, 'application/xml; charset=utf-8')).to.contain('<a>ข่าว</a>');
  });

  it('strips a UTF-8 byte-order mark and honours it over a wrong label', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('หมายเลข,ชื่อ')]);
    expect(decodeFeed(bytes, 'text/csv')).to.equal('หมายเลข,ชื่อ');
    expect(decodeFeed(bytes, 'text/csv; charset=windows-874')).to.equal('หมายเลข,ชื่อ');
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0x01, 0x0e, 0x32, 0x00]);
    expect(decodeFeed(bytes)).to.equal('ก2');
  });

  it('decodes an unknown label as UTF-8', () => {
    expect(decodeFeed(utf8('ข่าว'), 'text/plain; charset=x-no-such-charset')).to.equal('ข่าว');
  });

  it('takes undeclared bytes that are not UTF-8 as Thai windows-874', () => {
    expect(decodeFeed(thai874('{"online": 13, "label": "คน"}'))).to.equal(
      '{"online": 13, "label": "คน"}',
    );
  });

  it('decodes a windows-874 feed served with charset=windows-874', async () => {
    const { bytes, type } = await served(
      'file=rss-windows874.xml&type=application/rss%2Bxml&charset=windows-874&encode=windows-874',
    );
    expect([...new Uint8Array(bytes)]).to.include(0xa2); // ข: really single-byte on the wire
    const text = decodeFeed(bytes, type);
    expect(text).to.contain('<title>ขอเชิญชวนผู้มีสิทธิเลือกตั้งไปใช้สิทธิ</title>');
    expect(text).to.contain('๑๔ สิงหาคม ๒๕๖๕');
  });

  it('decodes windows-874 feeds declared only in the XML prolog', async () => {
    for (const file of ['rss-windows874.xml', 'rss-tis620.xml']) {
      const { bytes, type } = await served(
        `file=${file}&type=application/rss%2Bxml&encode=windows-874`,
      );
      expect(type).to.equal('application/rss+xml');
      expect(decodeFeed(bytes, type), file).to.contain('ข่าวประชาสัมพันธ์ กกต. เชียงราย');
    }
  });
});
