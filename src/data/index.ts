/** `dm-widgets/data`: the adapter, the REST adapter and the store, without any element. */
export * from '../core/types.js';
export * from './adapter.js';
export * from './rest-adapter.js';
export * from './store.js';
export { DraftStore } from './drafts.js';
export { dmContext } from './context.js';
export { sortClientsForList, compareClients, upsertClient } from '../core/client-order.js';
export { mergeFeed, matchesFilter, firstUnreadIndex } from '../core/feed-merge.js';
export {
  sendBlockReason,
  eligibilityAfterAdvisorSend,
  eligibilityAfterClientActivity,
  isOneMessageLeft,
  messagesLeft,
} from '../core/send-block.js';
export { noticeDecision, isPushSuppressed, releaseDeferred } from '../core/notify-policy.js';
export { clientCardUrl, clientIdFromUrl, DEEP_LINK_PARAM } from '../core/deep-link.js';
