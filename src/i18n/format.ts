import type { Money } from '../core/types.js';

// Intl objects are costly to build and are asked for in every rendered row: keep one per locale+options.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** The locale to format in: the given one, else the page's `lang`, else the browser's. */
export function resolveLocale(locale?: string | null): string {
  const candidates = [
    locale,
    typeof document !== 'undefined' ? document.documentElement.lang : '',
    typeof navigator !== 'undefined' ? navigator.language : '',
  ];
  for (const c of candidates) {
    if (!c) continue;
    try {
      return Intl.getCanonicalLocales(c)[0];
    } catch {
      // Not a valid tag: try the next one.
    }
  }
  return 'en';
}

/** The time of day, e.g. "14:05" or "2:05 PM". */
export function formatTime(iso: string, locale: string): string {
  return memo(
    't' + locale,
    () => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }),
  ).format(new Date(iso));
}

/** A full date and time, e.g. for an order's details. */
export function formatDateTime(iso: string, locale: string): string {
  return memo(
    'dt' + locale,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(new Date(iso));
}

/** Whether two instants fall on the same local calendar day. */
export function isSameDay(a: string, b: string): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

/** A day separator's label: "Today", "Yesterday", or the date. */
export function formatDay(
  iso: string,
  locale: string,
  words: { today: string; yesterday: string },
  now = Date.now(),
): string {
  const d = new Date(iso);
  const today = new Date(now);
  if (d.toDateString() === today.toDateString()) return words.today;
  today.setDate(today.getDate() - 1);
  if (d.toDateString() === today.toDateString()) return words.yesterday;
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  return memo(
    'd' + locale + sameYear,
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: sameYear ? undefined : 'numeric',
      }),
  ).format(d);
}

/** "5 min ago", "yesterday", or a short date for anything older than a week ("Nov 12", "Nov 12, 2025"). */
export function formatRelative(iso: string, locale: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  const s = Math.round((t - now) / 1000);
  const rtf = memo(
    'r' + locale,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }),
  );
  const abs = Math.abs(s);
  if (abs < 60) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.trunc(s / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.trunc(s / 3600), 'hour');
  // Days are counted in calendar days, as the feed's day separators are: Monday is "2 days ago" on Wednesday morning.
  const days = Math.round(
    (new Date(t).setHours(0, 0, 0, 0) - new Date(now).setHours(0, 0, 0, 0)) / 86400000,
  );
  if (Math.abs(days) < 7) return rtf.format(days, 'day');
  const sameYear = new Date(t).getFullYear() === new Date(now).getFullYear();
  return memo(
    'sd' + locale + sameYear,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        year: sameYear ? undefined : 'numeric',
      }),
  ).format(t);
}

/**
 * A count in the locale's digits and grouping ("1,234", "1.234", "١٬٢٣٤"). Strings that take counts
 * receive it as their last argument (`num`), so a host's own strings can format the same way.
 */
export function formatNumber(n: number, locale: string): string {
  return memo('n' + locale, () => new Intl.NumberFormat(locale)).format(n);
}

/** Formats a count in a locale: the last argument of every string that takes counts. */
export type NumberFormatter = (n: number) => string;

const fractionDigits = new Map<string, number>();

/** A price in its own currency, e.g. "$25.00" or "25,00 €"; minor units follow the currency. */
export function formatPrice(money: Money, locale: string): string {
  try {
    const key = 'p' + locale + money.currency;
    const f = memo(
      key,
      () => new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }),
    );
    let digits = fractionDigits.get(key);
    if (digits === undefined)
      fractionDigits.set(key, (digits = f.resolvedOptions().maximumFractionDigits ?? 2));
    return f.format(money.amountMinor / 10 ** digits);
  } catch {
    return `${(money.amountMinor / 100).toFixed(2)} ${money.currency}`;
  }
}
