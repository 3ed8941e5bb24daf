/**
 * Domain types that mirror the HTTP contract (`docs/api.md` summarises it).
 * Fixed sets are an `as const` object plus a union type of the same name.
 */

/** The advisor's account standing; anything but `active` blocks sending. */
export const AdvisorStatus = {
  active: 'active',
  suspended: 'suspended',
  rejected: 'rejected',
  needsImprovement: 'needs_improvement',
} as const;
export type AdvisorStatus = (typeof AdvisorStatus)[keyof typeof AdvisorStatus];

/** Why the advisor may not send to a client, in precedence order. */
export const BlockReason = {
  advisorSuspended: 'advisor_suspended',
  advisorRejected: 'advisor_rejected',
  advisorNeedsImprovement: 'advisor_needs_improvement',
  negativeReview: 'negative_review',
  consecutiveLimit: 'consecutive_limit',
} as const;
export type BlockReason = (typeof BlockReason)[keyof typeof BlockReason];

/** The kinds of order a client can place. */
export const OrderType = {
  recordedReading: 'recorded_reading',
  rushReading: 'rush_reading',
  liveChat: 'live_chat',
  liveVoice: 'live_voice',
  liveVideo: 'live_video',
} as const;
export type OrderType = (typeof OrderType)[keyof typeof OrderType];

/** Where an order stands. */
export const OrderStatus = {
  pending: 'pending',
  inProgress: 'in_progress',
  completed: 'completed',
  cancelled: 'cancelled',
  refunded: 'refunded',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/** Which items a feed shows; the server filters with `?type=`. */
export const FeedFilter = { all: 'all', orders: 'orders', messages: 'messages' } as const;
export type FeedFilter = (typeof FeedFilter)[keyof typeof FeedFilter];

/** Who wrote a message. */
export type Sender = 'advisor' | 'client';

/** The signed-in advisor (`GET /me`). */
export interface Advisor {
  id: string;
  displayName: string;
  status: AdvisorStatus;
}

/** One row of the client list (`GET /clients`). */
export interface ClientSummary {
  id: string;
  displayName: string;
  avatarUrl: string | null;
  /** Boolean, never a count: many unread messages are one indication. */
  hasUnread: boolean;
  /** ISO date-time. */
  lastActivityAt: string;
  /** Plain text, at most 140 characters. */
  lastItemPreview: string | null;
}

/** An amount in the currency's minor unit. */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** A message in the feed. Bodies are plain text, never HTML. */
export interface MessageItem {
  kind: 'message';
  id: string;
  clientId: string;
  /** ISO date-time when it was sent. */
  at: string;
  sender: Sender;
  body: string;
  clientMessageId?: string | null;
}

/** An order in the feed. */
export interface OrderItem {
  kind: 'order';
  id: string;
  clientId: string;
  /** ISO date-time when the client placed it. */
  at: string;
  orderType: OrderType;
  status: OrderStatus;
  title: string;
  price: Money;
  durationMinutes?: number | null;
}

/** One entry of the Communications feed. */
export type FeedItem = MessageItem | OrderItem;

/** A review left on an order. */
export interface OrderReview {
  rating: 'positive' | 'negative';
  comment: string | null;
}

/** `GET /orders/{id}`: an order with its question, delivery and review. */
export interface OrderDetail extends OrderItem {
  question?: string | null;
  deliveredAt?: string | null;
  review?: OrderReview | null;
}

/** Whether the advisor may send to a client now, and why not. */
export interface Eligibility {
  canSend: boolean;
  reason: BlockReason | null;
  consecutiveSent: number;
  consecutiveLimit: number;
}

/** One page of clients. Only a null cursor means there is no more. */
export interface ClientPage {
  clients: ClientSummary[];
  nextCursor: string | null;
}

/** One page of a feed, oldest first. `olderCursor` null means nothing older. */
export interface FeedPage {
  items: FeedItem[];
  olderCursor: string | null;
  /**
   * Since 1.1, on pages answered for `around` or `after`: fetches the page just after this one
   * (`after`); null when this page reaches the newest item. Absent on other pages.
   */
  newerCursor?: string | null;
  /**
   * Since 1.1: the time up to which the client has read the conversation (advisor messages with
   * `at` at or before it are seen); null when never. Absent from a 1.0 server (no Seen shown).
   */
  clientReadAt?: string | null;
}

/** Since 1.1: one page of hits of `GET /clients/{id}/search`, newest first. `nextCursor` fetches older hits. */
export interface SearchPage {
  hits: FeedItem[];
  nextCursor: string | null;
}

/** Body of `PUT /presence`. */
export interface Presence {
  active: boolean;
  inLiveSession: boolean;
}

/** A live event from `GET /events`. `id` is the SSE event id (for `Last-Event-ID`). */
export type DmEvent =
  | { type: 'feed-item'; id?: string; item: FeedItem }
  | { type: 'client'; id?: string; client: ClientSummary }
  | { type: 'eligibility'; id?: string; clientId: string; eligibility: Eligibility }
  | { type: 'advisor'; id?: string; advisor: Advisor }
  /** Since 1.1: the client read the conversation up to `readAt` (ISO date-time). */
  | { type: 'client-read'; id?: string; clientId: string; readAt: string }
  /** Since 1.1: the client is typing; shown until `until` (ISO date-time) or the client's next message. */
  | { type: 'typing'; id?: string; clientId: string; until: string };

/** Delivery state of a message the advisor wrote on this device and the server has not stored yet. */
export type Delivery = 'pending' | 'failed';

/** A feed entry as the store holds it: a server item, or a local message still on its way. */
export type FeedEntry = FeedItem & { delivery?: Delivery };
