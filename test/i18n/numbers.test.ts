/**
 * Counts in the provider's locale: the composer's character counter and limit, and the unread
 * indicator's number and text, go through Intl.NumberFormat of `<dm-provider locale>` (the
 * expectations are computed with Intl here, so they hold whatever digits the browser's ICU gives).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/composer/dm-composer.js';
import '../../src/elements/provider/dm-provider.js';
import '../../src/elements/unread-indicator/dm-unread-indicator.js';
import type { DmComposer } from '../../src/elements/composer/dm-composer.js';
import type { DmProvider } from '../../src/elements/provider/dm-provider.js';
import { ar } from '../../src/i18n/ar.js';
import { type DmStrings, en } from '../../src/i18n/strings.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import {
  clearDmStorage,
  pageStorage,
  part,
  shadowQuery,
  startMock,
  textOf,
  waitFor,
} from '../helpers/render.js';

const { db } = await startMock();

/** Renders `<dm-provider locale=… .strings=…>` around `template`; returns its first element. */
async function renderIn<E extends HTMLElement>(
  locale: string,
  strings: Partial<DmStrings>,
  template: unknown,
): Promise<E> {
  clearDmStorage();
  const provider = await fixture<DmProvider>(html`<dm-provider
    base-url="/api/dm"
    locale=${locale}
    .strings=${strings}
    .storeOptions=${{ storage: pageStorage }}
    >${template}</dm-provider
  >`);
  const el = provider.firstElementChild as E & { updateComplete: Promise<unknown> };
  await el.updateComplete;
  return el;
}

async function composerIn(locale: string, strings: Partial<DmStrings>): Promise<DmComposer> {
  const id = MOCK_CLIENTS.dana;
  const el = await renderIn<DmComposer>(
    locale,
    strings,
    html`<dm-composer client-id=${id}></dm-composer>`,
  );
  await waitFor(() => el.store?.eligibility(id).status === 'ready', 4000, 'eligibility');
  return el;
}

async function paste(el: DmComposer, text: string): Promise<void> {
  const ta = part<HTMLTextAreaElement>(el, 'input')!;
  ta.value = text;
  ta.dispatchEvent(
    new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }),
  );
  await el.updateComplete;
}

describe('numbers in the locale', () => {
  beforeEach(() => db.reset());

  // Which digits "ar" gets is ICU's choice (CLDR 48 gives Latin ones, grouped "1,812"); "ar-EG"
  // gets Arabic-Indic ones ("١٬٨١٢").
  for (const locale of ['ar', 'ar-EG']) {
    it(`locale="${locale}": the counter and the limit as Intl formats them there`, async () => {
      const num = (n: number) => new Intl.NumberFormat(locale).format(n);
      const el = await composerIn(locale, ar);
      await paste(el, 'a'.repeat(1812));
      const counter = textOf(part(el, 'counter'));
      expect(counter).to.equal(`${num(1812)} / ${num(2000)}`);
      expect(counter).to.equal(ar.characters(1812, 2000, num));
      if (locale === 'ar-EG') expect(counter, 'Arabic-Indic digits').to.equal('١٬٨١٢ / ٢٬٠٠٠');
      await paste(el, 'a'.repeat(2001));
      expect(textOf(shadowQuery(el, '.too-long'))).to.equal(ar.tooLong(2000, num));
      expect(textOf(shadowQuery(el, '.too-long'))).to.contain(num(2000));
    });
  }

  it('locale="de": a count of 1,000 or more grouped as the locale groups it ("1.812")', async () => {
    const num = (n: number) => new Intl.NumberFormat('de').format(n);
    const el = await composerIn('de', {});
    await paste(el, 'a'.repeat(1812));
    expect(num(1812), 'Intl groups in de').to.equal('1.812');
    expect(textOf(part(el, 'counter'))).to.equal(`${num(1812)} / ${num(2000)}`);
    await paste(el, 'a'.repeat(2001));
    expect(textOf(shadowQuery(el, '.too-long'))).to.equal(en.tooLong(2000, num));
  });

  it('locale="ar-EG": the unread indicator’s number and text', async () => {
    const num = (n: number) => new Intl.NumberFormat('ar-EG').format(n);
    const el = await renderIn<HTMLElement>(
      'ar-EG',
      ar,
      html`<dm-unread-indicator show-count></dm-unread-indicator>`,
    );
    const n = db.unreadCount();
    expect(n, 'a plural count (its text carries the number)').to.be.greaterThan(1);
    await waitFor(() => part(el, 'bubble'), 4000, 'bubble');
    expect(part(el, 'bubble')!.querySelector('[aria-hidden="true"]')!.textContent).to.equal(num(n));
    const said = textOf(part(el, 'bubble')!.querySelector('.visually-hidden'));
    expect(said).to.equal(ar.unreadClients(n, num));
    expect(said, 'Arabic-Indic digits').to.contain(num(n)).and.not.match(/[0-9]/);
  });
});
