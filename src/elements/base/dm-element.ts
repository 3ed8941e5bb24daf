import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { StoreController } from '../../controllers/store-controller.js';
import { consume, dmContext, ensureContextRoot } from '../../data/context.js';
import type { DmStore } from '../../data/store.js';
import { type DmI18n, directionOf, dmI18nContext } from '../../i18n/context.js';
import { formatNumber, resolveLocale } from '../../i18n/format.js';
import type { DmStrings } from '../../i18n/strings.js';

ensureContextRoot();

/**
 * Base of every `dm-*` element: receives the store and strings from the nearest `<dm-provider>`
 * (at any depth, through shadow roots), updates when what it reads from the store changed (see
 * {@link DmElement.select}), and fires events that bubble and cross shadow roots.
 */
export class DmElement extends LitElement {
  // `static properties` rather than decorators: the decorators' runtime costs the bundle ~600 B.
  // Internal reactive state is declared `attribute: false` (not `state: true`, which the manifest
  // analyzer lists as an attribute).
  static override properties: PropertyDeclarations = {
    store: { attribute: false },
    strings: { attribute: false },
    i18n: { attribute: false },
  };

  /** The data layer, from the nearest provider; may also be set directly. */
  store?: DmStore | undefined;

  protected i18n?: DmI18n;

  /** Replaces some or all strings for this element (on `<dm-communications>`, also for the list, feed and composer inside it). */
  strings?: Partial<DmStrings> | undefined;

  constructor() {
    super();
    // The nearest provider's store and strings, followed as they change (the controllers register
    // themselves with this element).
    consume(this, dmContext, (v) => (this.store = v));
    consume(this, dmI18nContext, (v) => (this.i18n = v));
  }

  /** Follows the store through {@link select}; tells {@link storeConnected} of a new store. */
  private readonly storeData_ = new StoreController<unknown>(
    this,
    this.select ? (s) => this.select!(s) : null,
    (s) => this.storeConnected(s),
  );
  /** Whether the page set `dir` on this element itself (then it is never touched). */
  private pageDir_?: boolean;

  private strings_?: [defaults: object, provided: unknown, own: unknown, merged: object];

  /**
   * The strings in force: this element's overrides, then the provider's table, then the element's
   * English defaults (each element carries only its own words). Merged once per change.
   */
  protected wordsOf<S extends object>(defaults: S): S {
    const provided = this.i18n?.strings;
    const c = this.strings_;
    if (c && c[0] === defaults && c[1] === provided && c[2] === this.strings) return c[3] as S;
    const merged = { ...defaults, ...provided, ...this.strings } as S;
    this.strings_ = [defaults, provided, this.strings, merged];
    return merged;
  }

  /** The locale in force. */
  protected get locale(): string {
    return this.i18n?.locale ?? resolveLocale();
  }

  /** Formats a count in the locale in force: pass it as the last argument of strings with counts. */
  protected readonly num = (n: number): string => formatNumber(n, this.locale);

  protected get textDir(): 'ltr' | 'rtl' {
    return this.i18n?.dir ?? directionOf(this.locale);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Outside any provider (looking up through shadow roots) an element has no data and would stay
    // silently empty: say so once, with the fix. A provider not yet defined still counts.
    if (!this.hasUpdated && !this.store) {
      let n: Node | null = this.parentNode;
      while (n && n.nodeName !== 'DM-PROVIDER') n = n.parentNode ?? (n as ShadowRoot).host ?? null;
      if (!n)
        console.warn(
          `<${this.localName}> has no data: place it inside <dm-provider> (at any depth) or set its store property.`,
        );
    }
    if (changed.has('store')) this.storeData_.follow();
    this.pageDir_ ??= this.hasAttribute('dir');
    if (changed.has('i18n') && !this.pageDir_) this.syncDir_();
  }

  /**
   * Mirrors the layout for a right-to-left locale of the provider (`locale="ar"`, or the page's
   * `lang`): `dir="rtl"` on the host, so the shadow tree's logical properties and `:dir()` follow.
   * For a left-to-right locale the element inherits the page's direction.
   */
  private syncDir_(): void {
    if (this.i18n?.dir === 'rtl') this.setAttribute('dir', 'rtl');
    else if (this.i18n) this.removeAttribute('dir');
  }

  /**
   * What this element reads from the store (one value, or an array of values compared item by
   * item): it updates only when that changed. An element without `select` updates on every change.
   */
  protected select?(store: DmStore): unknown;

  /** Called when a store becomes available (or changes): start loading what the element needs. */
  protected storeConnected(_store: DmStore): void {}

  /** Dispatches a bubbling, composed `CustomEvent`; returns false when a listener cancelled it. */
  protected emit<K extends keyof HTMLElementEventMap>(
    name: K,
    detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
    cancelable = false,
  ): boolean {
    return this.dispatchEvent(
      new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }),
    );
  }
}
