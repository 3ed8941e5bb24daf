import type { BlockReason, OrderStatus, OrderType } from '../core/types.js';

/**
 * Every piece of text the elements show. A host replaces the whole table or single entries
 * (`<dm-provider>.strings = { send: 'Enviar' }`). Texts that take values are functions.
 */
export interface DmStrings {
  // client list
  clientsLabel: string;
  searchLabel: string;
  searchPlaceholder: string;
  loadingClients: string;
  noClients: string;
  noMatches: (query: string) => string;
  clientsError: string;
  retry: string;
  unread: string;
  loadingMore: string;
  // feed
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
  loadingOlder: string;
  olderError: string;
  newMessagesPill: string;
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
  duration: (minutes: number) => string;
  openOrder: (title: string) => string;
  orderDetails: string;
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
  loadingOrder: string;
  // composer
  messageLabel: (name: string) => string;
  placeholder: string;
  send: string;
  characters: (count: number, max: number) => string;
  tooLong: (max: number) => string;
  blocked: Record<BlockReason, (name: string) => string>;
  oneLeft: (name: string) => string;
  sendFailed: string;
  signInAgain: string;
  offline: string;
  // indicator and notifier
  unreadClients: (count: number) => string;
  noUnread: string;
  newMessageFrom: (name: string) => string;
  newOrderFrom: (name: string) => string;
  notifications: string;
  dismiss: string;
  // the composed tab
  back: string;
  communications: string;
  chooseClient: string;
  aClient: string;
}

/** English, the default table. */
export const en: DmStrings = {
  clientsLabel: 'Clients',
  searchLabel: 'Search clients',
  searchPlaceholder: 'Search by name',
  loadingClients: 'Loading clients…',
  noClients: 'No clients yet. When a client orders or writes to you, they appear here.',
  noMatches: (q) => `No client matches “${q}”.`,
  clientsError: 'Your clients could not be loaded.',
  retry: 'Retry',
  unread: 'Unread',
  loadingMore: 'Loading more…',
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
  loadingOlder: 'Loading older items…',
  olderError: 'Older items could not be loaded.',
  newMessagesPill: 'New messages ↓',
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
  duration: (m) => `${m} min`,
  openOrder: (title) => `Open order details: ${title}`,
  orderDetails: 'Order details',
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
  loadingOrder: 'Loading order…',
  messageLabel: (name) => `Message to ${name}`,
  placeholder: 'Write a message…',
  send: 'Send',
  characters: (n, max) => `${n} / ${max}`,
  tooLong: (max) => `Messages can be at most ${max} characters.`,
  blocked: {
    advisor_suspended: () => 'You can’t send messages while your account is suspended.',
    advisor_rejected: () => 'You can’t send messages because your advisor application was rejected.',
    advisor_needs_improvement: () =>
      'You can’t send messages while your profile is marked “Needs Improvement”. Make the requested profile changes to message clients again.',
    negative_review: (name) => `You can’t message ${name} because they left you a negative review.`,
    consecutive_limit: (name) =>
      `You’ve sent ${name} 5 messages in a row without a reply. You can write again once ${name} replies or places an order.`,
  },
  oneLeft: (name) => `You can send one more message before ${name} needs to reply or order.`,
  sendFailed: 'Your message was not sent. Check your connection and retry.',
  signInAgain: 'Your session has ended. Sign in again to send; your text is kept.',
  offline: 'You’re offline. Messages will be sent when you’re back online.',
  unreadClients: (n) => (n === 1 ? '1 client with unread messages' : `${n} clients with unread messages`),
  noUnread: 'No unread messages',
  newMessageFrom: (name) => `New message from ${name}`,
  newOrderFrom: (name) => `New order from ${name}`,
  notifications: 'Notifications',
  dismiss: 'Dismiss',
  back: 'Back to clients',
  communications: 'Communications',
  chooseClient: 'Choose a client to see your orders and messages together.',
  aClient: 'a client',
};
