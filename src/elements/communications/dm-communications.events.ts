/**
 * `<dm-communications>` fires no event of its own: the events of the list, feed and composer
 * inside it bubble out of it (they are composed), typed where those elements declare them.
 */
export type { DmClientSelectEvent } from '../client-list/dm-client-list.events.js';
export type { DmFilterChangeEvent, DmOrderOpenEvent } from '../communications-feed/dm-communications-feed.events.js';
export type { DmMessageSentEvent } from '../composer/dm-composer.events.js';
