/**
 * `<dm-communications>`'s own event, `dm-card-close`. The events of the list, feed and composer
 * inside it bubble out of it too (they are composed), typed where those elements declare them.
 */
export type { DmClientSelectEvent } from '../client-list/dm-client-list.events.js';
export type {
  DmFilterChangeEvent,
  DmOrderOpenEvent,
} from '../communications-feed/dm-communications-feed.events.js';
export type { DmMessageSentEvent } from '../composer/dm-composer.events.js';

/**
 * Fired by `<dm-communications>` when the open card closes and the list shows instead: the
 * advisor used the card's Back control (phone layout), or the browser's Back with `sync-url`.
 * `detail.clientId` is the client whose card closed. A host that passes `client` clears it here,
 * so that its state and the tab agree (and opening the same client again is a change).
 */
export type DmCardCloseEvent = CustomEvent<{ clientId: string }>;

declare global {
  interface HTMLElementEventMap {
    'dm-card-close': DmCardCloseEvent;
  }
  interface GlobalEventHandlersEventMap {
    'dm-card-close': DmCardCloseEvent;
  }
}
