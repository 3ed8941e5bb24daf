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
