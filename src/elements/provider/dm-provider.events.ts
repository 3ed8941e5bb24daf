import type { DmError } from '../../data/adapter.js';

/** Fired when the API answers 401: the host should sign the advisor in again. */
export type DmAuthRequiredEvent = CustomEvent<{ error: DmError }>;

declare global {
  interface HTMLElementEventMap {
    'dm-auth-required': DmAuthRequiredEvent;
  }
  interface GlobalEventHandlersEventMap {
    'dm-auth-required': DmAuthRequiredEvent;
  }
}
