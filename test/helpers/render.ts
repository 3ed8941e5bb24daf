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
  return started;
}

/** Options of {@link renderInProvider}. */
export interface RenderOptions {
  /** Keep the `dm-widgets:*` keys in localStorage (simulates a reload that finds saved drafts). */
  keepStorage?: boolean;
  /** Sets the provider's `live-session` attribute. */
  liveSession?: boolean;
  /** Base URL of the API (default `/api/dm`). */
  baseUrl?: string;
}

/** Removes every `dm-widgets:*` key from localStorage (drafts, outbox). */
export function clearDmStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('dm-widgets:')) localStorage.removeItem(key);
}

/**
 * Renders `template` inside a fresh `<dm-provider>` and returns the template's first element.
 * Unless `keepStorage`, clears saved drafts and outbox first.
 */
export async function renderInProvider<T extends Element>(template: TemplateResult, opts: RenderOptions = {}): Promise<T> {
  if (!opts.keepStorage) clearDmStorage();
  const provider = await fixture<DmProvider>(
    html`<dm-provider base-url=${opts.baseUrl ?? '/api/dm'} ?live-session=${opts.liveSession ?? false}>${template}</dm-provider>`,
  );
  const el = provider.firstElementChild as T | null;
  if (!el) throw new Error('renderInProvider: the template rendered no element');
  if ('updateComplete' in el) await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
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

/** Polls `predicate` every 20 ms until it returns truthy; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => unknown, timeoutMs = 4000, what = 'condition'): Promise<void> {
  const start = performance.now();
  for (;;) {
    try {
      if (await predicate()) return;
    } catch {
      // Not there yet (e.g. a part not rendered): keep polling.
    }
    if (performance.now() - start > timeoutMs) throw new Error(`waitFor: timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `querySelector` inside an element's shadow root. */
export function shadowQuery<E extends Element = HTMLElement>(el: Element, selector: string): E | null {
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
