import type { MessageItem } from '../../core/types.js';

/** Fired by `<dm-composer>` when the server has stored a message the advisor sent. */
export type DmMessageSentEvent = CustomEvent<{ message: MessageItem }>;

declare global {
  interface HTMLElementEventMap {
    'dm-message-sent': DmMessageSentEvent;
  }
  interface GlobalEventHandlersEventMap {
    'dm-message-sent': DmMessageSentEvent;
  }
}
