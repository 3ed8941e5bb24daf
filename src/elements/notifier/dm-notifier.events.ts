/** Fired by `<dm-notifier>` when the advisor opens a notice: the host shows that client's card. */
export type DmNoticeOpenEvent = CustomEvent<{ clientId: string }>;

declare global {
  interface HTMLElementEventMap {
    'dm-notice-open': DmNoticeOpenEvent;
  }
  interface GlobalEventHandlersEventMap {
    'dm-notice-open': DmNoticeOpenEvent;
  }
}
