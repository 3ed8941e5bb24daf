/** How often, at most, the composer tells the server the advisor is typing to one client. */
export const TYPING_REPORT_MS = 3000;

/**
 * When a `typing` event's indication ends (ms), or null when it is to be ignored: `until` not a
 * date, or already past.
 */
export function typingEnd(until: string, now: number): number | null {
  const t = Date.parse(until);
  return t > now ? t : null;
}

/**
 * Whether an edit of the text box by the advisor should report typing now: never for an empty box
 * (only spaces count as empty), at most once every {@link TYPING_REPORT_MS} per client. A send
 * empties the box, and the composer reports only on the advisor's own edits, so a send reports nothing.
 */
export function typingReportDue(text: string, now: number, lastReportAt: number | null): boolean {
  return (
    !!text.trim() &&
    (lastReportAt === null || now - lastReportAt >= TYPING_REPORT_MS || now < lastReportAt)
  );
}
