/**
 * Figures a feed should never give (docs/feeds.md, "Figures"): `-0` reads as 0; votes, voters
 * and visits beyond ten billion, and shares beyond 100%, are refused as data errors rather than
 * shown as 309 digits or a `NaN` share.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../src/online-counter/online-counter.js';
import '../../src/results-table/results-table.js';
import type { EctResultsTable } from '../../src/results-table/results-table.js';
import { one, ready, text } from '../helpers/dom.js';

async function element(tag: string, data: unknown, state = 'ready') {
  const el = document.createElement(tag) as HTMLElement & {
    data: unknown;
    updateComplete: Promise<boolean>;
  };
  el.setAttribute('lang', 'th');
  el.data = data;
  await fixture(el);
  await ready(el, state);
  return el;
}

describe('implausible figures', () => {
  it('shows -0 visitors as 0', async () => {
    const el = await element('ect-online-counter', { online: -0, today: '-0', total: -0.2 });
    const shown = text(el.shadowRoot as unknown as Element);
    expect(text(one(el, '[part~="online"]'))).to.contain('0 คน');
    expect(shown).not.to.contain('-0');
  });

  it('refuses 1e308 visitors as a data error', async () => {
    const el = await element('ect-online-counter', { online: 1e308 }, 'error');
    expect(text(el.shadowRoot as unknown as Element)).not.to.match(/\d{12}/);
    expect(text(one(el, '[part~="count"]'))).to.equal('—');
  });

  it('refuses two candidates of 1e308 votes as a data error, with no NaN share', async () => {
    const el = await element(
      'ect-results-table',
      {
        candidates: [
          { number: 1, name: 'ก', votes: 1e308 },
          { number: 2, name: 'ข', votes: 1e308 },
        ],
      },
      'error',
    );
    const shown = text(el.shadowRoot as unknown as Element);
    expect(shown).to.contain('ค่าของ "votes" ไม่ถูกต้อง');
    expect(shown).not.to.contain('NaN');
    const { error } = (el as unknown as EctResultsTable).feed;
    expect(error?.message).to.contain('votes 1e+308 is not a plausible figure');
    expect(error?.details).to.include({ code: 'bad-data', field: 'votes' });
  });

  it('shows votes of -0 as 0 with a share of 0%', async () => {
    const el = await element('ect-results-table', {
      candidates: [
        { number: 1, name: 'ก', votes: 10 },
        { number: 2, name: 'ข', votes: -0 },
      ],
    });
    expect(text(el.shadowRoot as unknown as Element)).not.to.match(/-0|NaN/);
  });
});
