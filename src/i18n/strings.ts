import type { BlockReason, OrderStatus, OrderType } from '../core/types.js';
import type { NumberFormatter } from './format.js';

/*
 * Every piece of text the elements show, one table per element so that an element imported alone
 * carries only its own words. `DmStrings` is all of them: a host replaces the whole table or single
 * entries (`<dm-provider>.strings = { send: 'Enviar' }`, or `strings` on one element). Texts that
 * take values are functions; those that take counts get, as their last argument, `num`: the
 * provider locale's number formatter (`num(1234)` is "1,234", "1.234" or "١٬٢٣٤"). A host's own
 * function may ignore it.
 */

/** The words of `<dm-client-list>`. */
export interface ClientListStrings {
  clientsLabel: string;
  searchLabel: string;
  searchPlaceholder: string;
  loadingClients: string;
  noClients: string;
  noMatches: (query: string) => string;
  clientsError: string;
  /** The list could not load because the session ended (401): no Retry, the host signs the advisor in. */
  clientsSignedOut: string;
  retry: string;
  unread: string;
  loadingMore: string;
  /** Since 1.1: in a client's row in place of the preview while the client is typing. */
  typingPreview: string;
  /** The cue at the top of a list scrolled down: how many clients moved up above the view. */
  newClients: (count: number, num: NumberFormatter) => string;
}

/** The words of `<dm-communications-feed>` and its order details. */
export interface FeedStrings {
  aClient: string;
  chooseClient: string;
  retry: string;
  feedLabel: (name: string) => string;
  filterLabel: string;
  filterAll: string;
  filterOrders: string;
  filterMessages: string;
  loadingFeed: string;
  feedEmpty: string;
  feedEmptyOrders: string;
  feedEmptyMessages: string;
  feedError: string;
  /** The feed could not load because the session ended (401): no Retry, the host signs the advisor in. */
  feedSignedOut: string;
  /** The client does not exist (a 404, e.g. a deep link to a removed client); also in the composer. */
  clientNotFound: string;
  loadingOlder: string;
  olderError: string;
  newMessagesPill: string;
  /** The button that goes back to the newest message when the advisor has scrolled far up. */
  jumpLatest: string;
  newDivider: string;
  you: string;
  sending: string;
  notSent: string;
  retrySend: string;
  discard: string;
  today: string;
  yesterday: string;
  orderTypes: Record<OrderType, string>;
  orderStatuses: Record<OrderStatus, string>;
  duration: (minutes: number, num: NumberFormatter) => string;
  openOrder: (title: string) => string;
  orderDetails: string;
  /** The label of an order's type and status in its details. */
  typeAndStatus: string;
  question: string;
  noQuestion: string;
  ordered: string;
  delivered: string;
  notDelivered: string;
  review: string;
  reviewPositive: string;
  reviewNegative: string;
  noReview: string;
  price: string;
  close: string;
  orderError: string;
  /** Shown above order details whose refresh failed: what is shown may be out of date. */
  orderStale: string;
  loadingOrder: string;
  // Since contract 1.1: searching this conversation and jumping to a hit.
  /** The accessible name of the conversation search box (and its search landmark). */
  conversationSearchLabel: string;
  conversationSearchPlaceholder: string;
  /** The accessible name of the list of hits. */
  searchHitsLabel: string;
  searching: string;
  /** Announced politely: how many hits (`more`: more can be loaded). */
  searchCount: (count: number, more: boolean, num: NumberFormatter) => string;
  noHits: (query: string) => string;
  searchError: string;
  /** A hit whose message is gone (the feed stays where it was). */
  messageUnavailable: string;
  /** A hit that could not be opened (network, server). */
  jumpError: string;
  loadingNewer: string;
  newerError: string;
  /** Since 1.1: under the newest advisor message the client has read. */
  seen: string;
  /** Since 1.1: the accessible name of "Seen", with the time the client read. */
  seenAt: (time: string) => string;
  /** Since 1.1: above the composer while the client is typing. */
  typing: (name: string) => string;
}

/** The words of `<dm-composer>`. */
export interface ComposerStrings {
  aClient: string;
  messageLabel: (name: string) => string;
  placeholder: string;
  /** The text box's placeholder while sending is blocked. */
  placeholderBlocked: string;
  send: string;
  characters: (count: number, max: number, num: NumberFormatter) => string;
  tooLong: (max: number, num: NumberFormatter) => string;
  blocked: Record<BlockReason, (name: string) => string>;
  oneLeft: (name: string) => string;
  sendFailed: string;
  signInAgain: string;
  /** After the server refused a send (blocked); the reason, when known, shows beside it. */
  sendRefused: string;
  offline: string;
  clientNotFound: string;
}

/** The words of `<dm-unread-indicator>`. */
export interface UnreadIndicatorStrings {
  unreadClients: (count: number, num: NumberFormatter) => string;
  noUnread: string;
}

/** The words of `<dm-notifier>`. */
export interface NotifierStrings {
  aClient: string;
  newMessageFrom: (name: string) => string;
  /** Several messages of one client folded into one notice (`count` is 2 or more). */
  newMessagesFrom: (name: string, count: number, num: NumberFormatter) => string;
  newOrderFrom: (name: string) => string;
  notifications: string;
  dismiss: string;
}

/** The words of `<dm-communications>` (the composed tab). */
export interface CommunicationsStrings {
  back: string;
  communications: string;
  chooseClient: string;
  clientsLabel: string;
  feedLabel: (name: string) => string;
  /** The card's text while the advisor has no clients at all. */
  noClientsCard: string;
}

/** Every string of every element. */
export interface DmStrings
  extends
    ClientListStrings,
    FeedStrings,
    ComposerStrings,
    UnreadIndicatorStrings,
    NotifierStrings,
    CommunicationsStrings {}

/** English for `<dm-client-list>`. */
export const enClientList: ClientListStrings = {
  clientsLabel: 'Clients',
  searchLabel: 'Search clients',
  searchPlaceholder: 'Search by name',
  loadingClients: 'Loading clients…',
  noClients: 'No clients yet. When a client orders or writes to you, they appear here.',
  noMatches: (q) => `No client matches “${q}”.`,
  clientsError: 'Your clients could not be loaded.',
  clientsSignedOut: 'Your session has ended. Sign in again to see your clients.',
  retry: 'Retry',
  unread: 'Unread',
  loadingMore: 'Loading more…',
  typingPreview: 'typing…',
  newClients: (n, num) => (n === 1 ? '1 new' : `${num(n)} new`),
};

/** English for `<dm-communications-feed>` and its order details. */
export const enFeed: FeedStrings = {
  aClient: 'a client',

  chooseClient: 'Choose a client to see your orders and messages together.',
  retry: 'Retry',
  feedLabel: (name) => `Communications with ${name}`,
  filterLabel: 'Show',
  filterAll: 'All',
  filterOrders: 'Orders',
  filterMessages: 'Messages',
  loadingFeed: 'Loading communications…',
  feedEmpty: 'No orders or messages with this client yet.',
  feedEmptyOrders: 'No orders with this client yet.',
  feedEmptyMessages: 'No messages with this client yet.',
  feedError: 'The communications could not be loaded.',
  feedSignedOut: 'Your session has ended. Sign in again to see these communications.',
  clientNotFound: 'This client could not be found.',
  loadingOlder: 'Loading older items…',
  olderError: 'Older items could not be loaded.',
  newMessagesPill: 'New messages ↓',
  jumpLatest: 'Go to the latest message',
  newDivider: 'New',
  you: 'You',
  sending: 'Sending…',
  notSent: 'Not sent.',
  retrySend: 'Retry',
  discard: 'Discard',
  today: 'Today',
  yesterday: 'Yesterday',
  orderTypes: {
    recorded_reading: 'Recorded video reading',
    rush_reading: 'Rush video reading',
    live_chat: 'Live chat',
    live_voice: 'Voice call',
    live_video: 'Video call',
  },
  orderStatuses: {
    pending: 'Pending',
    in_progress: 'In progress',
    completed: 'Completed',
    cancelled: 'Cancelled',
    refunded: 'Refunded',
  },
  duration: (m, num) => `${num(m)} min`,
  openOrder: (title) => `Open order details: ${title}`,
  orderDetails: 'Order details',
  typeAndStatus: 'Type and status',
  question: 'Question',
  noQuestion: 'No question was asked.',
  ordered: 'Ordered',
  delivered: 'Delivered',
  notDelivered: 'Not delivered yet',
  review: 'Review',
  reviewPositive: 'Positive',
  reviewNegative: 'Negative',
  noReview: 'No review yet.',
  price: 'Price',
  close: 'Close',
  orderError: 'This order could not be loaded.',
  orderStale: 'These details could not be refreshed and may be out of date.',
  loadingOrder: 'Loading order…',
  conversationSearchLabel: 'Search this conversation',
  conversationSearchPlaceholder: 'Search messages and orders',
  searchHitsLabel: 'Matching messages and orders',
  searching: 'Searching…',
  searchCount: (n, more, num) =>
    more ? `${num(n)}+ matches` : n === 1 ? '1 match' : `${num(n)} matches`,
  noHits: (q) => `Nothing matches “${q}”.`,
  searchError: 'The search failed.',
  messageUnavailable: 'This message is no longer available',
  jumpError: 'That message could not be opened.',
  loadingNewer: 'Loading newer items…',
  newerError: 'Newer items could not be loaded.',
  seen: 'Seen',
  seenAt: (time) => `Seen at ${time}`,
  typing: (name) => `${name} is typing…`,
};

/** English for `<dm-composer>`. */
export const enComposer: ComposerStrings = {
  aClient: 'a client',

  messageLabel: (name) => `Message to ${name}`,
  placeholder: 'Write a message…',
  placeholderBlocked: 'Sending is blocked',
  send: 'Send',
  characters: (n, max, num) => `${num(n)} / ${num(max)}`,
  tooLong: (max, num) => `Messages can be at most ${num(max)} characters.`,
  blocked: {
    advisor_suspended: () => 'You can’t send messages while your account is suspended.',
    advisor_rejected: () =>
      'You can’t send messages because your advisor application was rejected.',
    advisor_needs_improvement: () =>
      'You can’t send messages while your profile is marked “Needs Improvement”. Make the requested profile changes to message clients again.',
    negative_review: (name) => `You can’t message ${name} because they left you a negative review.`,
    consecutive_limit: (name) =>
      `You’ve sent ${name} 5 messages in a row without a reply. You can write again once ${name} replies or places an order.`,
  },
  oneLeft: (name) => `You can send one more message before ${name} needs to reply or order.`,
  sendFailed: 'Your message was not sent. Check your connection and retry.',
  signInAgain: 'Your session has ended. Sign in again to send; your text is kept.',
  sendRefused: 'Your message was not sent; your text is kept.',
  offline: 'You’re offline. Messages will be sent when you’re back online.',
  clientNotFound: 'This client could not be found.',
};

/** English for `<dm-unread-indicator>`. */
export const enUnreadIndicator: UnreadIndicatorStrings = {
  unreadClients: (n, num) =>
    n === 1 ? '1 client with unread messages' : `${num(n)} clients with unread messages`,
  noUnread: 'No unread messages',
};

/** English for `<dm-notifier>`. */
export const enNotifier: NotifierStrings = {
  aClient: 'a client',

  newMessageFrom: (name) => `New message from ${name}`,
  newMessagesFrom: (name, n, num) => `${name} · ${num(n)} new messages`,
  newOrderFrom: (name) => `New order from ${name}`,
  notifications: 'Notifications',
  dismiss: 'Dismiss',
};

/** English for `<dm-communications>` (the composed tab). */
export const enCommunications: CommunicationsStrings = {
  back: 'Back to clients',
  communications: 'Communications',
  chooseClient: 'Choose a client to see your orders and messages together.',
  clientsLabel: 'Clients',
  feedLabel: (name) => `Communications with ${name}`,
  noClientsCard:
    'When a client orders or writes to you, your orders and messages with them appear here.',
};

/** English, the whole default table. */
export const en: DmStrings = /* @__PURE__ */ Object.assign(
  {},
  enClientList,
  enFeed,
  enComposer,
  enUnreadIndicator,
  enNotifier,
  enCommunications,
);
