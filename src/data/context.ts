import { ContextRoot, createContext } from '@lit/context';
import type { DmStore } from './store.js';

/** The context through which `<dm-provider>` hands its store to every `dm-*` element inside it. */
export const dmContext = createContext<DmStore | undefined>(Symbol.for('dm-widgets/store'));

// A ContextRoot replays context requests made by elements that upgraded before their provider,
// so the order in which a host page defines or loads the elements does not matter.
let rootAttached = false;
/** Attaches one ContextRoot to the document (idempotent). */
export function ensureContextRoot(): void {
  if (rootAttached || typeof document === 'undefined') return;
  rootAttached = true;
  new ContextRoot().attach(document.documentElement);
}
