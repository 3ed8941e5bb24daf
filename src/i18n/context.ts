import { createContext } from '@lit/context';
import type { DmStrings } from './strings.js';

/** Strings and locale that `<dm-provider>` hands down; a new object whenever either changes. */
export interface DmI18n {
  /** The host's replacements (the provider's `strings`); each element falls back to its own English. */
  strings: Partial<DmStrings>;
  /** A BCP 47 tag, already resolved (provider's `locale`, else the page's `lang`). */
  locale: string;
  /** Text direction for that locale. */
  dir: 'ltr' | 'rtl';
}

export const dmI18nContext = createContext<DmI18n | undefined>(Symbol.for('dm-widgets/i18n'));

const RTL = /^(ar|he|iw|fa|ur|ps|sd|yi|dv|ug|ckb)(-|$)/i;
/** Writing direction of a locale. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.test(locale) ? 'rtl' : 'ltr';
}
