/** Opaque cursors of the mock (base64url JSON) and the list-order comparison. */
import type { ClientSummary, FeedFilter, FeedItem } from '../core/types.js';

export function b64encode(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function b64decode(text: string): unknown {
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/** The client list order: unread first, then `lastActivityAt` descending, then `id` ascending. */
export function compareClients(a: ClientSummary, b: ClientSummary): number {
  if (a.hasUnread !== b.hasUnread) return a.hasUnread ? -1 : 1;
  const ta = Date.parse(a.lastActivityAt);
  const tb = Date.parse(b.lastActivityAt);
  if (ta !== tb) return tb - ta;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export const matchesType = (item: FeedItem, type: FeedFilter) =>
  type === 'all' || (type === 'orders' ? item.kind === 'order' : item.kind === 'message');
