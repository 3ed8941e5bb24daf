/** Fired by `<dm-client-list>` when the advisor picks a client (click, Enter or Space). */
export type DmClientSelectEvent = CustomEvent<{ clientId: string }>;

declare global {
  interface HTMLElementEventMap {
    'dm-client-select': DmClientSelectEvent;
  }
  interface GlobalEventHandlersEventMap {
    'dm-client-select': DmClientSelectEvent;
  }
}
