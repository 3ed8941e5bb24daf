/** Longest draft kept, in characters (the composer's limit is 2,000; a little slack for pastes). */
const MAX_DRAFT = 4000;
/** Most drafts kept per advisor; the oldest are dropped first. */
const MAX_DRAFTS = 200;

/**
 * Drafts per advisor and client, kept in `localStorage` so they survive a reload.
 * Falls back to memory when storage is blocked or full; never throws.
 */
export class DraftStore {
  private memory_ = new Map<string, string>();
  private prefix_: string;

  constructor(
    private storage_: Pick<
      Storage,
      'getItem' | 'setItem' | 'removeItem'
    > | null = safeLocalStorage(),
    advisorId = 'default',
  ) {
    this.prefix_ = `dm-widgets:draft:${advisorId}:`;
  }

  /** Keys drafts by this advisor from now on (drafts of another advisor are never shown). */
  setAdvisor(advisorId: string): void {
    this.prefix_ = `dm-widgets:draft:${advisorId}:`;
    this.memory_.clear();
  }

  get(clientId: string): string {
    const key = this.prefix_ + clientId;
    if (this.memory_.has(key)) return this.memory_.get(key)!;
    try {
      const raw = this.storage_?.getItem(key);
      return raw ? ((JSON.parse(raw) as { text: string }).text ?? '') : '';
    } catch {
      return '';
    }
  }

  set(clientId: string, text: string): void {
    const key = this.prefix_ + clientId;
    text = text.slice(0, MAX_DRAFT);
    if (!text) return this.clear(clientId);
    this.memory_.set(key, text);
    try {
      this.storage_?.setItem(key, JSON.stringify({ text, at: Date.now() }));
      this.prune_();
    } catch {
      // Storage full or blocked: the draft lives on in memory for this page.
    }
  }

  clear(clientId: string): void {
    const key = this.prefix_ + clientId;
    this.memory_.delete(key);
    try {
      this.storage_?.removeItem(key);
    } catch {
      // Nothing to do: the memory copy is gone already.
    }
  }

  private prune_(): void {
    const s = this.storage_ as Storage | null;
    if (!s || typeof s.length !== 'number' || s.length < MAX_DRAFTS) return;
    const mine: Array<[string, number]> = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (!k?.startsWith(this.prefix_)) continue;
      try {
        mine.push([k, (JSON.parse(s.getItem(k) ?? '{}') as { at?: number }).at ?? 0]);
      } catch {
        mine.push([k, 0]);
      }
    }
    mine.sort((a, b) => a[1] - b[1]);
    for (const [k] of mine.slice(0, Math.max(0, mine.length - MAX_DRAFTS))) s.removeItem(k);
  }
}

/** `localStorage`, or null where reading it throws (sandboxed iframes, blocked cookies). */
export function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
