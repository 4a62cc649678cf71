/**
 * No element schedules an update from within an update. Lit's development build warns
 * ("… scheduled an update … after an update completed") when an element still has an update
 * pending once `updated()` has run; the tests run Lit's production build, so this test makes the
 * same check at the same point of the lifecycle, for every element, through its whole life on a
 * page: first render, data, a refresh, a change of language, an interaction, removal.
 */
import { expect } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { clearFeedCache } from '../../src/feed/cache.js';
import { registeredTags, sampleElement, sleep, untilState, type EctElement } from './page.js';

type Updated = (this: ReactiveElement, changed: unknown) => void;

describe('update cycle', function () {
  this.timeout(60_000);

  const late: string[] = [];
  const restore: (() => void)[] = [];
  /** Checks, after each `updated()` of elements of `type` (the last step of an update). */
  function watch(type: CustomElementConstructor) {
    const proto = type.prototype as unknown as { updated: Updated };
    const updated = proto.updated;
    proto.updated = function (this: ReactiveElement, changed: unknown) {
      updated.call(this, changed);
      if (this.isUpdatePending) late.push(this.localName);
    };
    restore.push(() => (proto.updated = updated));
  }

  before(() => {
    clearFeedCache();
    for (const tag of registeredTags) watch(customElements.get(tag)!);
  });
  after(() => {
    restore.forEach((undo) => undo());
    clearFeedCache();
  });

  it('the check sees an update scheduled from updated()', async () => {
    class Restless extends ReactiveElement {
      count = 0;
      protected override updated(): void {
        if (this.count++ < 1) this.requestUpdate();
      }
    }
    customElements.define('ect-restless-test', Restless);
    watch(Restless);
    const el = document.createElement('ect-restless-test') as Restless;
    document.body.append(el);
    await el.updateComplete;
    await el.updateComplete;
    el.remove();
    expect(late).to.deep.equal(['ect-restless-test']);
    late.length = 0;
  });

  for (const tag of registeredTags) {
    it(`<${tag}> never schedules an update from within one`, async () => {
      late.length = 0;
      const el = sampleElement(tag) as EctElement & { reload(): void };
      const box = document.createElement('div');
      box.append(el);
      document.body.append(box);
      await untilState(el, 'ready');
      el.reload();
      await sleep(200);
      await el.updateComplete;
      box.setAttribute('lang', 'en');
      el.setAttribute('lang', 'en');
      await el.updateComplete;
      // Every visible button but the downloads (a file saved by the browser, which in headless
      // Firefox leaves the window unfocused for the pages after this one).
      const buttons = el.shadowRoot!.querySelectorAll<HTMLElement>(
        'button:not([part~="add"]):not([part~="download"])',
      );
      for (const button of buttons) {
        if (button.getClientRects().length) button.click();
        await el.updateComplete;
      }
      await sleep(100);
      box.remove();
      expect(late, `<${tag}> had an update pending after updated()`).to.deep.equal([]);
    });
  }
});
