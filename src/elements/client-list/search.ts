import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long typing must pause before the search goes to the server. */
const SEARCH_DELAY_MS = 250;

/**
 * The list's search box: what it holds, the debounce before the search goes to the store, and
 * the box following the store's query (another element on the same store may have searched).
 */
export class SearchBox implements ReactiveController {
  /** What the box holds (the store's query follows it after the debounce). */
  text = '';
  private timer_?: ReturnType<typeof setTimeout>;

  constructor(
    private host_: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    /** Runs a search (trimmed). */
    private run_: (query: string) => void,
  ) {
    host_.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer_);
    this.timer_ = undefined;
  }

  hostUpdated(): void {
    // Written only when it differs (as Lit's live() does): never a same-value write while typing.
    const input = this.host_.renderRoot.querySelector('input');
    if (input && input.value !== this.text) input.value = this.text;
  }

  /** The store's query changed: the box shows it, unless the advisor is typing. */
  follow(query: string): void {
    if (!this.timer_ && query !== this.text.trim()) this.text = query;
  }

  /** Sends the search now. */
  run(): void {
    clearTimeout(this.timer_);
    this.timer_ = undefined;
    this.run_(this.text.trim());
  }

  readonly handleInput = (e: Event) => {
    this.text = (e.target as HTMLInputElement).value;
    clearTimeout(this.timer_);
    this.timer_ = setTimeout(() => this.run(), SEARCH_DELAY_MS);
  };
}
