import { expect } from '@open-wc/testing';

describe('test server', () => {
  it('serves windows-874 bytes', async () => {
    const r = await fetch('/api/feed?body=%E0%B8%81&encode=windows-874&type=text/plain');
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes]).to.deep.equal([0xa1]);
  });
});
