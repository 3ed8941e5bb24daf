/**
 * High contrast (forced colours, e.g. Windows contrast themes): the system replaces our colours and
 * backgrounds, so whatever said "unread", "selected" or "this filter" by colour alone must still
 * show. The browser emulates forced colours here (see scripts/wtr-forced-colors.mjs).
 */
import { expect, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import { MOCK_CLIENTS } from '../../src/mocks/index.js';
import { part, parts, renderInProvider, startMock, waitFor } from '../helpers/render.js';

const { db } = await startMock();

/** The colour the system paints the page's background with. */
function canvas(): string {
  const probe = document.createElement('div');
  probe.style.background = 'Canvas';
  document.body.append(probe);
  const colour = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return colour;
}

describe('forced colours (high contrast)', () => {
  before(() => executeServerCommand('dm-forced-colors', { active: true }));
  after(() => executeServerCommand('dm-forced-colors', { active: false }));
  beforeEach(() => db.reset());

  it('is on in this browser', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('keeps the unread dots of the menu and the rows visible, and marks the selected row apart', async () => {
    const root = await renderInProvider<HTMLElement>(html`<div>
      <dm-unread-indicator></dm-unread-indicator>
      <div style="height:500px;width:360px"><dm-client-list selected=${MOCK_CLIENTS.dana}></dm-client-list></div>
    </div>`);
    const indicator = root.querySelector('dm-unread-indicator')!;
    const list = root.querySelector('dm-client-list')!;
    await waitFor(
      () =>
        part(indicator, 'bubble') &&
        parts(list, 'unread-badge').length > 0 &&
        part(list, 'client-selected'),
      5000,
      'dots and the selected row',
    );
    const bg = canvas();
    expect(getComputedStyle(part(indicator, 'bubble')!).backgroundColor, 'menu dot').to.not.equal(
      bg,
    );
    for (const badge of parts(list, 'unread-badge'))
      expect(getComputedStyle(badge).backgroundColor, 'row dot').to.not.equal(bg);
    const edge = (row: Element) => getComputedStyle(row).borderInlineStartColor;
    const others = parts(list, 'client').filter((r) => !r.matches('[part~="client-selected"]'));
    expect(others.length).to.be.greaterThan(0);
    for (const row of others) expect(edge(row), 'an unselected row has no edge mark').to.equal(bg);
    expect(edge(part(list, 'client-selected')!), 'the selected row has one').to.not.equal(bg);
  });

  it('shows which filter is chosen', async () => {
    const feed = await renderInProvider<HTMLElement>(
      html`<dm-communications-feed client-id=${MOCK_CLIENTS.dana}></dm-communications-feed>`,
    );
    await waitFor(() => part(feed, 'filter'), 5000, 'filter');
    const buttons = [...part(feed, 'filter')!.querySelectorAll('button')];
    const pressed = buttons.find((b) => b.getAttribute('aria-pressed') === 'true')!;
    // The others are see-through on the system's background: the chosen one must differ from both.
    const bg = getComputedStyle(pressed).backgroundColor;
    expect(bg).to.not.equal(canvas());
    expect(bg).to.not.equal('rgba(0, 0, 0, 0)');
  });
});
