/**
 * A DmAdapter whose every text field is a hostile payload (test/fixtures/xss-payloads.json):
 * client names, previews, avatar URLs, message bodies, order titles, questions and review
 * comments. Used by the hostile-input tests, with and without a strict CSP.
 */
import type { DmAdapter } from '../../src/data/adapter.js';
import type { ClientSummary, DmEvent, FeedItem, OrderDetail } from '../../src/core/types.js';

const corpus = (await (
  await fetch(new URL('../fixtures/xss-payloads.json', import.meta.url))
).json()) as { payloads: string[] };
export const PAYLOADS: string[] = corpus.payloads;
const AVATARS = [
  'javascript:alert(1)',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'vbscript:msgbox(1)',
];
const T0 = Date.parse('2026-11-20T10:00:00Z');
const at = (i: number) => new Date(T0 + i * 60_000).toISOString();

export function hostileClients(): ClientSummary[] {
  return PAYLOADS.map((p, i) => ({
    id: `x${i}`,
    displayName: p,
    avatarUrl: i % 2 ? AVATARS[i % AVATARS.length] : p,
    hasUnread: i % 3 === 0,
    lastActivityAt: at(1000 - i),
    lastItemPreview: p.slice(0, 140),
  }));
}

export function hostileFeed(clientId: string): FeedItem[] {
  const items: FeedItem[] = [];
  PAYLOADS.forEach((p, i) => {
    items.push({
      kind: 'message',
      id: `${clientId}-m${i}`,
      clientId,
      at: at(i * 3),
      sender: i % 2 ? 'advisor' : 'client',
      body: p,
    });
    items.push({
      kind: 'order',
      id: `${clientId}-o${i}`,
      clientId,
      at: at(i * 3 + 1),
      orderType: 'live_chat',
      status: 'completed',
      title: p,
      price: { amountMinor: 1999, currency: 'USD' },
      durationMinutes: 10,
    });
  });
  return items;
}

/** Records whether any payload ran: OWASP payloads call alert() or touch document.cookie. */
export function trapExecution(win: Window & typeof globalThis): { fired: string[] } {
  const trap = { fired: [] as string[] };
  win.alert = (m?: unknown) => void trap.fired.push(`alert(${String(m)})`);
  win.prompt = win.confirm = (() => {
    trap.fired.push('prompt/confirm');
    return null;
  }) as never;
  return trap;
}

export function hostileAdapter(): DmAdapter & { emit(e: DmEvent): void } {
  const listeners = new Set<(e: DmEvent) => void>();
  const orders = new Map<string, OrderDetail>();
  return {
    emit: (e) => listeners.forEach((l) => l(e)),
    async getMe() {
      return { id: 'a-x', displayName: PAYLOADS[0], status: 'active' };
    },
    async listClients({ q }) {
      const all = hostileClients().filter(
        (c) => !q || c.displayName.toLowerCase().includes(q.toLowerCase()),
      );
      return { clients: all, nextCursor: null };
    },
    async getClient(id) {
      return hostileClients().find((c) => c.id === id) ?? hostileClients()[0];
    },
    async getFeed(clientId, { type }) {
      const items = hostileFeed(clientId).filter(
        (i) => !type || type === 'all' || (type === 'orders') === (i.kind === 'order'),
      );
      return { items, olderCursor: null };
    },
    async sendMessage(clientId, { body, clientMessageId }) {
      return {
        kind: 'message',
        id: 'sent-' + clientMessageId,
        clientId,
        at: new Date().toISOString(),
        sender: 'advisor',
        body,
        clientMessageId,
      };
    },
    async getEligibility() {
      return { canSend: true, reason: null, consecutiveSent: 0, consecutiveLimit: 5 };
    },
    async markRead() {},
    async getOrder(orderId) {
      const i = Number(orderId.split('-o')[1]) || 0;
      const base = hostileFeed(orderId.split('-o')[0]).find((x) => x.id === orderId);
      const detail: OrderDetail = {
        ...(base as OrderDetail),
        question: PAYLOADS[i],
        deliveredAt: at(i),
        review: {
          rating: i % 2 ? 'positive' : 'negative',
          comment: PAYLOADS[(i + 7) % PAYLOADS.length],
        },
      };
      orders.set(orderId, detail);
      return detail;
    },
    async getUnread() {
      return { clientsWithUnread: 3 };
    },
    async putPresence() {},
    subscribe(onEvent) {
      listeners.add(onEvent);
      return () => listeners.delete(onEvent);
    },
  };
}

/** Elements that must never appear inside the widgets' shadow roots, whatever the data. */
const FORBIDDEN =
  'script, iframe, frame, object, embed, base, meta, link, math, form, input:not([type="search"]), video, audio, marquee, template, noscript, style:not([data-lit])';

/** Every problem found in the rendered shadow trees: forbidden elements, event-handler attributes, unsafe URLs. */
export function findInjected(root: Node): string[] {
  const problems: string[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches(FORBIDDEN) && !(el.tagName === 'STYLE'))
        problems.push(`<${el.tagName.toLowerCase()}>`);
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) problems.push(`${el.tagName.toLowerCase()}[${a.name}]`);
        if (
          /^(href|src|action|formaction|xlink:href|background)$/i.test(a.name) &&
          !/^https?:$/.test(new URL(a.value, location.href).protocol)
        ) {
          problems.push(`${el.tagName.toLowerCase()}[${a.name}=${a.value.slice(0, 30)}]`);
        }
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root as Element);
  return problems;
}
