/**
 * `<dm-unread-indicator>` fires no events: it only shows the store's unread count. (Each element
 * folder declares its events in a `.events.ts`; this one has none to declare.)
 */
export {};
