/**
 * dm-widgets: the whole set. Importing this module registers every element:
 * `<dm-provider>`, `<dm-client-list>`, `<dm-communications-feed>`, `<dm-composer>`,
 * `<dm-unread-indicator>`, `<dm-notifier>` and `<dm-communications>`.
 */
export * from './core/types.js';
export { DmError, DmErrorKind, isRetryable } from './data/adapter.js';
export type { CallOptions, DmAdapter, LiveStatus, SubscribeOptions } from './data/adapter.js';
export { RestAdapter, type HeadersSource, type RestAdapterOptions } from './data/rest-adapter.js';
export { DmStore, type DmStoreOptions, type SendResult } from './data/store.js';
export { dmContext } from './data/context.js';
export { clientCardUrl, clientIdFromUrl, DEEP_LINK_PARAM } from './core/deep-link.js';
export { en, type DmStrings } from './i18n/strings.js';
export * from './elements/provider/dm-provider.js';
export * from './elements/client-list/dm-client-list.js';
export * from './elements/communications-feed/dm-communications-feed.js';
export * from './elements/composer/dm-composer.js';
export * from './elements/unread-indicator/dm-unread-indicator.js';
export * from './elements/notifier/dm-notifier.js';
export * from './elements/communications/dm-communications.js';
