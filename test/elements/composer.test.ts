import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/composer/dm-composer.js';
import '../../src/elements/communications-feed/dm-communications-feed.js';
import type { DmComposer } from '../../src/elements/composer/dm-composer.js';
import type { AdvisorStatus, BlockReason } from '../../src/core/types.js';
import { en } from '../../src/i18n/strings.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import {
  type RenderOptions,
  liveOpen,
  part,
  parts,
  providerOf,
  renderInProvider,
  startMock,
  textOf,
  waitFor,
} from '../helpers/render.js';

const { db } = await startMock();

const input = (el: DmComposer) => part<HTMLTextAreaElement>(el, 'input')!;
const sendButton = (el: DmComposer) => part<HTMLButtonElement>(el, 'send')!;
const reasonOf = (el: DmComposer) => part(el, 'blocked-reason');
const nameOf = (id: string) => db.client(id)!.displayName;
/** Counts as the composer formats them: in the locale it resolves (no provider locale: the page's). */
const num = (n: number) =>
  new Intl.NumberFormat(document.documentElement.lang || navigator.language).format(n);

let current: DmComposer | undefined;

function render(clientId: string | null, opts: RenderOptions = {}): Promise<DmComposer> {
  return renderInProvider<DmComposer>(
    html`<dm-composer client-id=${clientId ?? ''}></dm-composer>`,
    opts,
  ).then(async (el) => {
    if (clientId === null) el.removeAttribute('client-id');
    await el.updateComplete;
    return (current = el);
  });
}

/** Renders a composer for a client and waits until its eligibility has been loaded. */
async function renderReady(clientId: string): Promise<DmComposer> {
  const el = await render(clientId);
  await waitFor(() => el.store?.eligibility(clientId).status === 'ready', 4000, 'eligibility');
  await el.updateComplete;
  return el;
}

/** Types like a user: focus the box, then real key presses. */
async function type(el: DmComposer, text: string): Promise<void> {
  el.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** Presses a key, e.g. `Enter` or `Shift+Enter`. */
async function press(el: DmComposer, key: string): Promise<void> {
  el.focus();
  const [modifier, main] = key.includes('+') ? key.split('+') : [null, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main! });
  if (modifier) await sendKeys({ up: modifier });
  await el.updateComplete;
}

/** Sets the box's text the way a paste would (one input event). */
async function paste(el: DmComposer, text: string): Promise<void> {
  const ta = input(el);
  ta.value = text;
  ta.dispatchEvent(
    new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }),
  );
  await el.updateComplete;
}

/** Asserts the composer is blocked with exactly this text, tied to the box. */
function expectBlocked(el: DmComposer, text: string): void {
  const reason = reasonOf(el);
  expect(reason, 'blocked-reason part').to.exist;
  expect(textOf(reason)).to.equal(text);
  expect(input(el).disabled, 'text box disabled').to.be.true;
  expect(sendButton(el).disabled, 'Send disabled').to.be.true;
  expect(reason!.id).to.not.equal('');
  expect(input(el).getAttribute('aria-describedby')?.split(' ')).to.include(reason!.id);
  // The id resolves inside the same shadow root as the text box.
  expect(el.shadowRoot!.getElementById(reason!.id)).to.equal(reason);
}

describe('<dm-composer>', () => {
  beforeEach(() => db.reset());
  // Let every send of a test reach the server before the next test resets the mock, so none lands there.
  afterEach(async () => {
    for (const route of ['send', 'eligibility'] as const) db.setLatency(0, route);
    const store = current?.store;
    current = undefined;
    if (!store) return;
    const drained = () =>
      Object.values(MOCK_CLIENTS).every((id) => store.outboxFor(id).length === 0);
    // Best effort: a failed send stays in the outbox (for Retry) and must not fail the next tests' hooks.
    await waitFor(drained, 8000, 'outbox drained').catch(() => undefined);
  });

  describe('without a client', () => {
    it('is disabled and gives no reason', async () => {
      const el = await render(null);
      expect(input(el).disabled).to.be.true;
      expect(sendButton(el).disabled).to.be.true;
      expect(reasonOf(el)).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('is disabled, and says so, for a client that does not exist (404)', async () => {
      const el = await render('c-no-such-client');
      await waitFor(() => input(el).disabled, 4000, 'disabled');
      expect(textOf(part(el, 'status'))).to.equal(en.clientNotFound);
      expect(sendButton(el).disabled).to.be.true;
    });
  });

  describe('blocked', () => {
    const advisorCases: Array<[AdvisorStatus, BlockReason]> = [
      ['suspended', 'advisor_suspended'],
      ['rejected', 'advisor_rejected'],
      ['needs_improvement', 'advisor_needs_improvement'],
    ];
    for (const [status, reason] of advisorCases) {
      it(`says why when the advisor is ${status}`, async () => {
        db.setAdvisorStatus(status);
        const el = await render(MOCK_CLIENTS.dana);
        await waitFor(() => reasonOf(el), 4000, 'reason');
        expectBlocked(el, en.blocked[reason](nameOf(MOCK_CLIENTS.dana)));
        await expect(el).to.be.accessible();
      });
    }

    it('names the client after a negative review', async () => {
      const id = MOCK_CLIENTS.negativeReview;
      const el = await render(id);
      const expected = en.blocked.negative_review(nameOf(id));
      await waitFor(() => textOf(reasonOf(el)) === expected, 4000, 'negative review reason');
      expectBlocked(el, expected);
      expect(expected).to.contain(nameOf(id));
    });

    it('names the client after 5 in a row, and says a reply or an order lifts it', async () => {
      const id = MOCK_CLIENTS.fiveInARow;
      const el = await render(id);
      const expected = en.blocked.consecutive_limit(nameOf(id));
      await waitFor(() => textOf(reasonOf(el)) === expected, 4000, 'consecutive reason');
      expectBlocked(el, expected);
      expect(expected)
        .to.contain(nameOf(id))
        .and.to.match(/replies or places an order/);
      await expect(el).to.be.accessible();
    });

    it('unblocks live when the client replies', async () => {
      const id = MOCK_CLIENTS.fiveInARow;
      const el = await render(id);
      await waitFor(() => reasonOf(el), 4000, 'reason');
      await liveOpen(el);
      db.clientWrites(id, 'Thanks, tell me more!');
      await waitFor(() => !input(el).disabled, 4000, 'text box enabled');
      expect(reasonOf(el)).to.be.null;
      expect(input(el).hasAttribute('aria-describedby')).to.be.false;
    });

    it('unblocks live when the client orders', async () => {
      const id = MOCK_CLIENTS.fiveInARow;
      const el = await render(id);
      await waitFor(() => reasonOf(el), 4000, 'reason');
      await liveOpen(el);
      db.clientOrders(id);
      await waitFor(() => !input(el).disabled, 4000, 'text box enabled');
    });

    it("stays blocked when one of the client's existing orders changes status (not a new order)", async () => {
      const id = MOCK_CLIENTS.fiveInARow;
      const el = await render(id);
      await waitFor(() => reasonOf(el), 4000, 'reason');
      await liveOpen(el);
      const old = db.feedItems(id).find((i) => i.kind === 'order');
      expect(old, 'an order of this client').to.exist;
      db.setOrderStatus(
        old!.id,
        old!.kind === 'order' && old!.status === 'refunded' ? 'completed' : 'refunded',
      );
      await aTimeout(600);
      expect(input(el).disabled, 'still blocked').to.equal(true);
      expect(textOf(reasonOf(el))).to.equal(en.blocked.consecutive_limit(nameOf(id)));
    });

    it('asks again when the eligibility request fails for a passing reason (503), then shows the block', async () => {
      const id = MOCK_CLIENTS.negativeReview;
      db.failNext('eligibility', 2, 503);
      const el = await render(id);
      const expected = en.blocked.negative_review(nameOf(id));
      await waitFor(
        () => textOf(reasonOf(el)) === expected,
        6000,
        'the reason, after two failures',
      );
      expectBlocked(el, expected);
      expect(db.requestLog.filter((r) => r.path.endsWith('/send-eligibility')).length).to.equal(3);
    });

    it('does not flash disabled while eligibility loads', async () => {
      db.setLatency(800, 'eligibility');
      const el = await render(MOCK_CLIENTS.dana);
      expect(el.store!.eligibility(MOCK_CLIENTS.dana).status).to.equal('loading');
      expect(input(el).disabled).to.be.false;
    });
  });

  describe('the consecutive limit', () => {
    it('warns when one message is left, and the next send blocks at once', async () => {
      const id = MOCK_CLIENTS.oneLeft;
      const el = await renderReady(id);
      await waitFor(
        () => textOf(part(el, 'warning')) === en.oneLeft(nameOf(id)),
        4000,
        'warning naming the client',
      );
      const warning = part(el, 'warning');
      expect(input(el).getAttribute('aria-describedby')?.split(' ')).to.include(warning!.id);
      await expect(el).to.be.accessible();

      db.setLatency(1500, 'send');
      await type(el, 'One last thing');
      await press(el, 'Enter');
      expectBlocked(el, en.blocked.consecutive_limit(nameOf(id)));
      expect(part(el, 'warning')).to.be.null;
      expect(db.storedMessages(id)).to.have.length(0);
      await waitFor(() => db.storedMessages(id).length === 1, 4000, 'stored');
    });

    it('blocks on the 5th send in a row without waiting for the server', async () => {
      const id = MOCK_CLIENTS.dana;
      const el = await renderReady(id);
      // Neither a refetch nor the server's own count could arrive in time.
      // (Long enough that typing five messages under a loaded CI machine stays inside it.)
      db.setLatency(5000, 'eligibility');
      db.setLatency(5000, 'send');
      for (let i = 1; i <= 4; i++) {
        await type(el, `Message ${i}`);
        await press(el, 'Enter');
        expect(input(el).disabled, `after send ${i}`).to.be.false;
      }
      expect(
        part(el, 'warning'),
        `one left after 4 (box: "${input(el).value}", stored: ${db.storedMessages(id).length})`,
      ).to.exist;
      await type(el, 'Message 5');
      await press(el, 'Enter');
      expectBlocked(el, en.blocked.consecutive_limit(nameOf(id)));
      expect(db.storedMessages(id).length, 'stored by the server so far').to.be.lessThan(5);
    });
  });

  describe('typing and sending', () => {
    it('sends on Enter and starts a new line on Shift+Enter', async () => {
      const id = MOCK_CLIENTS.dana;
      const el = await renderReady(id);
      await type(el, 'Line one');
      await press(el, 'Shift+Enter');
      await type(el, 'Line two');
      expect(input(el).value).to.equal('Line one\nLine two');
      expect(db.storedMessages(id)).to.have.length(0);

      const sent = oneEvent(el, 'dm-message-sent');
      await press(el, 'Enter');
      expect(input(el).value, 'empty at once').to.equal('');
      const event = await sent;
      expect(event.detail.message.body).to.equal('Line one\nLine two');
      expect(event.bubbles && event.composed).to.be.true;
      expect(event.detail.message).to.deep.equal(db.storedMessages(id)[0]);
    });

    it('sends with the Send button and keeps focus in the box', async () => {
      const id = MOCK_CLIENTS.dana;
      const el = await renderReady(id);
      await type(el, 'Hello there');
      const sent = oneEvent(el, 'dm-message-sent');
      sendButton(el).click();
      await el.updateComplete;
      expect(input(el).value).to.equal('');
      expect(el.shadowRoot!.activeElement).to.equal(input(el));
      expect((await sent).detail.message.body).to.equal('Hello there');
    });

    it('empties the box while the message is still on its way', async () => {
      const id = MOCK_CLIENTS.dana;
      const el = await renderReady(id);
      db.setLatency(1000, 'send');
      await type(el, 'Slow one');
      await press(el, 'Enter');
      expect(input(el).value).to.equal('');
      expect(db.storedMessages(id)).to.have.length(0);
      await waitFor(() => db.storedMessages(id).length === 1, 4000, 'stored');
      expect(input(el).value).to.equal('');
    });

    it('trims, and cannot send whitespace only', async () => {
      const id = MOCK_CLIENTS.dana;
      const el = await renderReady(id);
      await type(el, '   ');
      expect(sendButton(el).disabled, 'Send disabled for spaces').to.be.true;
      await press(el, 'Enter');
      expect(input(el).value, 'nothing sent, text kept').to.equal('   ');
      await paste(el, '  \n  hi there \n ');
      expect(sendButton(el).disabled).to.be.false;
      const sent = oneEvent(el, 'dm-message-sent');
      await press(el, 'Enter');
      expect((await sent).detail.message.body).to.equal('hi there');
      expect(db.storedMessages(id)).to.have.length(1);
    });

    it('enforces 2,000 characters with a counter near the limit', async () => {
      const el = await renderReady(MOCK_CLIENTS.dana);
      const counter = () => part(el, 'counter')!;
      await paste(el, 'a'.repeat(1799));
      expect(textOf(counter())).to.equal('');
      expect(counter().getAttribute('aria-live')).to.equal('off');

      await paste(el, 'a'.repeat(1800));
      expect(textOf(counter())).to.equal(en.characters(1800, 2000, num));
      expect(counter().getAttribute('aria-live')).to.equal('polite');

      await paste(el, 'a'.repeat(2000));
      expect(sendButton(el).disabled, '2,000 is allowed').to.be.false;
      expect(input(el).getAttribute('aria-invalid')).to.be.null;

      await paste(el, 'a'.repeat(2001));
      expect(sendButton(el).disabled, '2,001 is not').to.be.true;
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(textOf(el.shadowRoot!.querySelector('.meta'))).to.contain(en.tooLong(2000, num));
      expect(input(el).getAttribute('aria-describedby')).to.contain(counter().id);
      await press(el, 'Enter');
      expect(input(el).value).to.have.length(2001);
      await aTimeout(100);
      expect(db.storedMessages(MOCK_CLIENTS.dana)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('grows with its text up to a limit, then scrolls', async () => {
      const el = await renderReady(MOCK_CLIENTS.dana);
      const ta = input(el);
      const one = ta.offsetHeight;
      await paste(el, 'a\nb\nc');
      expect(ta.offsetHeight).to.be.greaterThan(one);
      await paste(el, Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n'));
      const capped = ta.offsetHeight;
      expect(capped).to.be.lessThan(one * 10);
      expect(ta.scrollHeight).to.be.greaterThan(ta.clientHeight);
    });

    it('focus() puts the caret in the text box', async () => {
      const el = await renderReady(MOCK_CLIENTS.dana);
      el.focus();
      expect(el.shadowRoot!.activeElement).to.equal(input(el));
    });

    it('has an accessible name that names the client', async () => {
      const id = MOCK_CLIENTS.dana;
      const el = await renderReady(id);
      await waitFor(
        () => input(el).getAttribute('aria-label') === en.messageLabel(nameOf(id)),
        4000,
        'label',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('when the server refuses', () => {
    it('puts the text back and says why on 403', async () => {
      const id = MOCK_CLIENTS.dana;
      const el = await renderReady(id);
      // Keep the refetch that follows a 403 from answering during the test.
      db.setLatency(3000, 'eligibility');
      db.failNext('send', 1, 403, { reason: 'negative_review' });
      await type(el, 'Are you there?');
      await press(el, 'Enter');
      const expected = en.blocked.negative_review(nameOf(id));
      await waitFor(() => textOf(reasonOf(el)) === expected, 4000, 'reason');
      expectBlocked(el, expected);
      expect(input(el).value).to.equal('Are you there?');
    });

    it('says the message was not sent when a refusal is not followed by a blocked eligibility', async () => {
      const id = MOCK_CLIENTS.dana;
      const el = await renderReady(id);
      // The send is refused, but the eligibility asked again says the client may be written to
      // (a custom adapter or a server that disagrees with itself): the box opens, and says why the text is still there.
      db.failNext('send', 1, 403, { reason: 'negative_review' });
      await type(el, 'Are you there?');
      await press(el, 'Enter');
      await waitFor(() => textOf(part(el, 'status')) === en.sendRefused, 4000, 'not sent said');
      await waitFor(() => !input(el).disabled, 4000, 'the eligibility asked again opens the box');
      expect(textOf(part(el, 'status'))).to.equal(en.sendRefused);
      expect(input(el).value).to.equal('Are you there?');
      expect(db.storedMessages(id)).to.have.length(0);
      // The next send clears it.
      await press(el, 'Enter');
      await waitFor(() => db.storedMessages(id).length === 1, 4000, 'sent');
      expect(textOf(part(el, 'status'))).to.equal('');
    });

    it('fires dm-auth-required and keeps the text on 401', async () => {
      const id = MOCK_CLIENTS.dana;
      const el = await renderReady(id);
      db.failNext('send', 1, 401);
      const auth = oneEvent(providerOf(el), 'dm-auth-required');
      await type(el, 'Keep me');
      await press(el, 'Enter');
      await auth;
      await waitFor(() => input(el).value === 'Keep me', 4000, 'text restored');
      const status = part(el, 'status')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(textOf(status)).to.equal(en.signInAgain);
      expect(db.storedMessages(id)).to.have.length(0);
    });
  });

  it('keeps the feed above at its bottom while the text box grows line by line', async () => {
    const id = MOCK_CLIENTS.longHistory;
    const wrap =
      await renderInProvider<HTMLElement>(html`<div style="height:500px;width:600px;display:flex;flex-direction:column">
      <dm-communications-feed client-id=${id} style="flex:1;min-height:0"></dm-communications-feed>
      <dm-composer client-id=${id}></dm-composer>
    </div>`);
    const feed = wrap.querySelector('dm-communications-feed')!;
    const el = wrap.querySelector('dm-composer') as DmComposer;
    await waitFor(() => parts(feed, 'item').length > 0, 5000, 'feed');
    const scroller = feed.shadowRoot!.querySelector<HTMLElement>('[part~="scroller"]')!;
    const gap = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    await waitFor(() => gap() < 2, 4000, 'at the bottom');
    const before = scroller.clientHeight;
    input(el).focus();
    await sendKeys({ type: 'First line' });
    for (let i = 0; i < 4; i++) {
      await press(el, 'Shift+Enter');
      await sendKeys({ type: `more ${i}` });
    }
    await waitFor(() => scroller.clientHeight < before - 40, 2000, 'the box grew, the feed shrank');
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(gap(), 'px between the newest item and the bottom').to.be.lessThan(2);
  });

  it('shrinks the text box when five short lines are replaced by one longer line', async () => {
    const el = await renderReady(MOCK_CLIENTS.dana);
    await paste(el, 'a\nb\nc\nd\ne');
    await el.updateComplete;
    const tall = input(el).offsetHeight;
    await paste(el, 'One single line that is longer than the five short ones');
    await el.updateComplete;
    expect(input(el).offsetHeight, 'px').to.be.lessThan(tall - 30);
  });

  describe('drafts', () => {
    it('keep what was typed per client across switches', async () => {
      const a = MOCK_CLIENTS.dana;
      const b = MOCK_CLIENTS.sevenUnread;
      const el = await renderReady(a);
      await type(el, 'Draft for Dana');
      // Switch at once: the pending draft must be saved on the switch, not lost to the debounce.
      el.clientId = b;
      await el.updateComplete;
      expect(input(el).value).to.equal('');
      await type(el, 'Draft for B');
      el.clientId = a;
      await el.updateComplete;
      expect(input(el).value).to.equal('Draft for Dana');
      el.clientId = b;
      await el.updateComplete;
      expect(input(el).value).to.equal('Draft for B');
    });

    it('survive a reload (a new provider reading localStorage)', async () => {
      const id = MOCK_CLIENTS.dana;
      const first = await render(id, { storage: 'local' });
      await waitFor(() => first.store?.advisor, 4000, 'advisor');
      await type(first, 'Half-written thought');
      await aTimeout(400);
      expect(Object.keys(localStorage).some((k) => k.startsWith('dm-widgets:draft:'))).to.be.true;
      providerOf(first).remove();

      const second = await render(id, { storage: 'local', keepStorage: true });
      await waitFor(() => input(second).value === 'Half-written thought', 4000, 'draft restored');
    });

    it('survive a reload even when typed before the advisor was known', async () => {
      const id = MOCK_CLIENTS.dana;
      db.setLatency(600, 'me');
      const first = await render(id);
      await type(first, 'Typed early');
      await waitFor(() => first.store?.advisor, 4000, 'advisor');
      await aTimeout(400);
      providerOf(first).remove();

      const second = await render(id, { keepStorage: true });
      await waitFor(() => input(second).value === 'Typed early', 4000, 'draft restored');
    });

    it('are cleared by sending', async () => {
      const id = MOCK_CLIENTS.dana;
      const el = await renderReady(id);
      await waitFor(() => el.store?.advisor, 4000, 'advisor');
      await type(el, 'Sent soon');
      await aTimeout(400);
      expect(el.store!.drafts.get(id)).to.equal('Sent soon');
      const sent = oneEvent(el, 'dm-message-sent');
      await press(el, 'Enter');
      await sent;
      await aTimeout(400);
      providerOf(el).remove();
      const again = await render(id, { keepStorage: true });
      await waitFor(() => again.store?.advisor, 4000, 'advisor');
      await again.updateComplete;
      expect(input(again).value).to.equal('');
    });
  });

  it('works on its own without a provider: disabled', async () => {
    const el = await fixture<DmComposer>(html`<dm-composer client-id="x"></dm-composer>`);
    expect(input(el).disabled).to.be.true;
  });
});
