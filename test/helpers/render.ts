/**
 * Shared helpers for element tests: the MSW mock backend, rendering inside a `<dm-provider>`,
 * polling, and shadow-DOM queries by part name (tests never touch internal classes).
 */
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/elements/provider/dm-provider.js';
import type { DmProvider } from '../../src/elements/provider/dm-provider.js';
import { MockDb, type MockDbOptions, startMockWorker } from '../../src/mocks/index.js';

let started: Promise<{ db: MockDb }> | undefined;

/**
 * Starts the MSW worker once per test file with one shared `MockDb` and returns it.
 * `options` only count on the first call; call `db.reset()` in `beforeEach`.
 */
export function startMock(options: MockDbOptions = {}): Promise<{ db: MockDb }> {
  started ??= (async () => {
    const db = new MockDb(options);
    await startMockWorker({ db });
    return { db };
  })();
  // MSW waits without a limit for its worker to activate and answer; a worker that never does
  // would hold the file's first line until the runner's 300 s limit. Fail fast and say why.
  const mock = started;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('startMock: the MSW service worker did not answer within 30 s')),
      30_000,
    );
    mock.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/**
 * A `Storage` held in memory. Test files run in parallel pages of one origin, which share
 * `localStorage`: a store in another page would pick up this page's pending outbox and resend it.
 */
export class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
}

/** This test page's own storage: it outlives fixtures (a "reload" finds it) but no other page sees it. */
export const pageStorage = new MemoryStorage();

/** Options of {@link renderInProvider}. */
export interface RenderOptions {
  /** Keep saved drafts and outbox (simulates a reload that finds them). */
  keepStorage?: boolean;
  /**
   * Where the store keeps drafts and the outbox: `page` (default) is {@link pageStorage}, private to this
   * test page; `local` is the real `localStorage`, as in production, shared with test files running in parallel.
   */
  storage?: 'page' | 'local';
  /** Sets the provider's `live-session` attribute. */
  liveSession?: boolean;
  /** Base URL of the API (default `/api/dm`). */
  baseUrl?: string;
}

/** Removes every `dm-widgets:*` key (drafts, outbox) from localStorage and from {@link pageStorage}. */
export function clearDmStorage(): void {
  for (const key of Object.keys(localStorage))
    if (key.startsWith('dm-widgets:')) localStorage.removeItem(key);
  pageStorage.clear();
}

/**
 * Renders `template` inside a fresh `<dm-provider>` and returns the template's first element.
 * Unless `keepStorage`, clears saved drafts and outbox first.
 */
export async function renderInProvider<T extends Element>(
  template: TemplateResult,
  opts: RenderOptions = {},
): Promise<T> {
  if (!opts.keepStorage) clearDmStorage();
  const storeOptions = { storage: opts.storage === 'local' ? localStorage : pageStorage };
  const provider = await fixture<DmProvider>(
    html`<dm-provider
      base-url=${opts.baseUrl ?? '/api/dm'}
      ?live-session=${opts.liveSession ?? false}
      .storeOptions=${storeOptions}
      >${template}</dm-provider
    >`,
  );
  const el = provider.firstElementChild as T | null;
  if (!el) throw new Error('renderInProvider: the template rendered no element');
  if ('updateComplete' in el)
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

/** The `<dm-provider>` around an element rendered by {@link renderInProvider}. */
export function providerOf(el: Element): DmProvider {
  const p = el.closest('dm-provider');
  if (!p) throw new Error('providerOf: no dm-provider ancestor');
  return p;
}

/** Resolves once the provider's live event stream is open (so mock writes reach the store). */
export function liveOpen(el: Element, timeoutMs = 4000): Promise<void> {
  return waitFor(() => providerOf(el).store?.liveStatus === 'open', timeoutMs, 'live stream open');
}

/** The longest a test waits for one animation frame before going on without it. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves after `n` animation frames, each waited for at most {@link FRAME_WAIT_MS}. A page that
 * gets no frames for a while (a starved compositor on a busy machine, a page the browser treats
 * as hidden) gives none to `requestAnimationFrame`; a test that awaited bare frames then hung
 * until its timeout in every test of the file, and the feed's file (twenty such waits) ran past
 * the runner's 300 s limit. What the frames were for (rows measured, the view placed) is what
 * the test then checks or polls for, so going on after the fallback is safe.
 */
export async function frames(n = 1): Promise<void> {
  for (let i = 0; i < n; i++) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FRAME_WAIT_MS);
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** Polls `predicate` every 20 ms until it returns truthy; rejects after `timeoutMs`. */
export async function waitFor(
  predicate: () => unknown,
  timeoutMs = 4000,
  what = 'condition',
): Promise<void> {
  const start = performance.now();
  for (;;) {
    try {
      if (await predicate()) return;
    } catch {
      // Not there yet (e.g. a part not rendered): keep polling.
    }
    if (performance.now() - start > timeoutMs)
      throw new Error(`waitFor: timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `querySelector` inside an element's shadow root. */
export function shadowQuery<E extends Element = HTMLElement>(
  el: Element,
  selector: string,
): E | null {
  return el.shadowRoot?.querySelector<E>(selector) ?? null;
}

/** The first element with part `name` in an element's shadow root, or null. */
export function part<E extends Element = HTMLElement>(el: Element, name: string): E | null {
  return shadowQuery<E>(el, `[part~="${name}"]`);
}

/** Every element with part `name` in an element's shadow root. */
export function parts<E extends Element = HTMLElement>(el: Element, name: string): E[] {
  return [...(el.shadowRoot?.querySelectorAll<E>(`[part~="${name}"]`) ?? [])];
}

/** The text a user sees in an element: whitespace collapsed and trimmed. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Resolves with the next `type` event on `target`; rejects after `timeoutMs` naming the event
 * (open-wc's `oneEvent` waits without a limit: a missing event held the test until mocha's
 * timeout, with a message that does not say what was awaited).
 */
export function nextEvent<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  type: K,
  timeoutMs = 4000,
): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      target.removeEventListener(type, on);
      reject(new Error(`nextEvent: no "${type}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    function on(e: Event) {
      clearTimeout(timer);
      resolve(e as HTMLElementEventMap[K]);
    }
    target.addEventListener(type, on, { once: true });
  });
}
