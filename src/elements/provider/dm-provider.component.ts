import { LitElement, type PropertyDeclarations, type PropertyValues, css, html } from 'lit';
import type { DmAdapter } from '../../data/adapter.js';
import { dmContext, ensureContextRoot, provide } from '../../data/context.js';
import { type HeadersSource, RestAdapter } from '../../data/rest-adapter.js';
import { DmStore, type DmStoreOptions } from '../../data/store.js';
import { type DmI18n, directionOf, dmI18nContext } from '../../i18n/context.js';
import { resolveLocale } from '../../i18n/format.js';
import type { DmStrings } from '../../i18n/strings.js';
import './dm-provider.events.js';

export type { DmAuthRequiredEvent } from './dm-provider.events.js';

ensureContextRoot();

let pageScripts: Promise<void> | undefined;
/**
 * Resolves once the page's own scripts have run: after `DOMContentLoaded` (module and deferred
 * scripts run before it, while the document is already "interactive"), then one more task (for
 * what they started with a microtask); never later than 2 s, whatever the page does.
 */
function afterPageScripts(): Promise<void> {
  return (pageScripts ??= new Promise((resolve) => {
    const next = () => setTimeout(resolve);
    const state = document.readyState;
    const nav = performance.getEntriesByType?.('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    if (
      state === 'loading' ||
      (state === 'interactive' && nav && !nav.domContentLoadedEventStart)
    ) {
      document.addEventListener('DOMContentLoaded', next, { once: true });
      setTimeout(resolve, 2000);
    } else next();
  }));
}

/** Whether two store option objects say the same (same keys, same values). */
function sameOptions(a?: DmStoreOptions, b?: DmStoreOptions): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof DmStoreOptions)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * Put it around (or above) every other `dm-*` element: it builds the REST adapter (or takes yours
 * through `adapter`), creates the store, opens the live stream once the page's own scripts have
 * run, reports the advisor's presence, and tells the page when the session ended (`dm-auth-required`).
 * Locale and strings set here reach every element inside it.
 *
 * @summary Owns the data layer (adapter, store, live updates, presence) and hands it to every `dm-*` element inside it.
 * @tag dm-provider
 *
 * @attr base-url - Base URL of the site's DM API for the built-in REST adapter (default `/api/dm`).
 * @attr live-session - Present while the advisor is in a live session: in-app notices wait, presence says so.
 * @attr locale - BCP 47 locale for dates, times and prices (default: the page's `lang`).
 * @attr credentials - `fetch` credentials mode for the REST adapter (`same-origin` by default).
 * @attr manual-start - Nothing is requested until `start()` is called (for a host that gets its token or adapter asynchronously).
 *
 * @fires {DmAuthRequiredEvent} dm-auth-required - The API answered 401; `detail.error` tells more.
 * @slot - The page content, including any `dm-*` elements, at any depth.
 */
export class DmProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  // `static properties` rather than decorators: the decorators' runtime costs the bundle ~600 B.
  static override properties: PropertyDeclarations = {
    baseUrl: { attribute: 'base-url' },
    liveSession: { type: Boolean, reflect: true, attribute: 'live-session' },
    manualStart: { type: Boolean, attribute: 'manual-start' },
    locale: {},
    credentials: {},
    headers: { attribute: false },
    adapter: { attribute: false },
    storeOptions: { attribute: false },
    strings: { attribute: false },
  };

  // Every option accepts `undefined` for its default (`exactOptionalPropertyTypes` hosts, React).
  /** Base URL of the DM API (`undefined`: `/api/dm`). */
  baseUrl: string | undefined = '/api/dm';
  liveSession: boolean | undefined = false;
  /** When set, the data layer waits for `start()`: no request goes out before it. */
  manualStart: boolean | undefined = false;
  locale?: string | undefined;
  /** `fetch` credentials mode (`undefined`: `same-origin`). */
  credentials: RequestCredentials | undefined = 'same-origin';
  /** Extra request headers for the REST adapter: a value, or an (async) function returning them; read at each request. */
  headers?: HeadersSource | undefined;
  /** A custom adapter instead of the built-in REST one. */
  adapter?: DmAdapter | undefined;
  /** Options for the store (page sizes, storage, retries); a different value makes a new store. */
  storeOptions?: DmStoreOptions | undefined;
  /** Replaces some or all UI strings (see `DmStrings`). */
  strings?: Partial<DmStrings> | undefined;

  /** The data layer the elements inside use (made from the properties above). */
  store?: DmStore | undefined;

  protected i18n: DmI18n = { strings: {}, locale: 'en', dir: 'ltr' };

  // The elements inside hear of a new store or strings at once, as they are made.
  private storeContext_ = provide(this, dmContext, undefined);
  private i18nContext_ = provide(this, dmI18nContext, this.i18n);

  private langObserver_?: MutationObserver;
  private started_ = false;
  /** Drops the requests of the store being replaced that have not gone out yet. */
  private retire_?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.handleVisibility_);
    // Follow the page's `lang` when no locale is set, e.g. when a host switches language.
    this.langObserver_ = new MutationObserver(() => this.updateI18n_());
    this.langObserver_.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
    });
    if (this.store) this.store.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleVisibility_);
    this.langObserver_?.disconnect();
    this.store?.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Each of these makes a new data layer (a host script may set them after the element upgraded).
    // `headers` are read at each request (no new store); options are compared by value, so a
    // framework that sets an equal object on every render (React) keeps the store and its sends.
    // With `manual-start`, none before `start()`.
    const fresh =
      (this.started_ || !this.manualStart) &&
      (!this.store ||
        changed.has('adapter') ||
        changed.has('baseUrl') ||
        changed.has('credentials') ||
        (changed.has('storeOptions') &&
          !sameOptions(changed.get('storeOptions'), this.storeOptions)));
    if (fresh) this.createStore_();
    else if (changed.has('liveSession')) this.presence_();
    if (!this.hasUpdated || changed.has('locale') || changed.has('strings')) this.updateI18n_();
  }

  /**
   * Starts the data layer. With `manual-start`, call it once `headers` or `adapter` are set:
   * nothing was requested before. Also reopens the live stream a 401 closed and reloads what
   * failed (after signing in again).
   */
  start(): void {
    this.started_ = true;
    if (this.store) this.store.start();
    else this.createStore_();
  }

  private presence_(): void {
    this.store?.setPresence({
      inLiveSession: !!this.liveSession,
      active: document.visibilityState === 'visible',
    });
  }

  private createStore_(): void {
    this.store?.stop();
    this.retire_?.();
    // The built-in adapter sends nothing before the page's own scripts have run: a host script
    // that sets `headers` just after loading the bundle is in time for the first request, and one
    // that sets `adapter` replaces this store, whose requests are dropped unsent (no stray request,
    // no false 401).
    let current = true;
    this.retire_ = () => (current = false);
    // With `manual-start` the host has said when: no wait.
    const gatedFetch: typeof fetch = (input, init) =>
      (this.manualStart ? Promise.resolve() : afterPageScripts()).then(() => {
        if (!current || init?.signal?.aborted)
          throw new DOMException('Replaced or aborted', 'AbortError');
        return fetch(input, init);
      });
    const adapter =
      this.adapter ??
      new RestAdapter({
        baseUrl: this.baseUrl ?? '/api/dm',
        credentials: this.credentials,
        headers: () => (typeof this.headers === 'function' ? this.headers() : (this.headers ?? {})),
        fetch: gatedFetch,
      });
    const store = new DmStore(adapter, this.storeOptions);
    store.addEventListener('auth-required', ({ detail: error }) => {
      this.dispatchEvent(
        new CustomEvent('dm-auth-required', { detail: { error }, bubbles: true, composed: true }),
      );
    });
    this.store = store;
    this.storeContext_(store);
    if (this.isConnected) store.start();
    this.presence_();
  }

  private updateI18n_(): void {
    const locale = resolveLocale(this.locale);
    this.i18n = { strings: this.strings ?? {}, locale, dir: directionOf(locale) };
    this.i18nContext_(this.i18n);
  }

  private handleVisibility_ = () => {
    this.store?.setPresence({ active: document.visibilityState === 'visible' });
  };

  protected override render() {
    return html`<slot></slot>`;
  }
}
