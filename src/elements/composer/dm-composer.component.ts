import { type PropertyValues, html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { isOneMessageLeft } from '../../core/send-block.js';
import type { MessageItem } from '../../core/types.js';
import type { DmStore } from '../../data/store.js';
import { DmElement } from '../base/dm-element.js';
import { tokens } from '../base/tokens.js';
import { composerStyles } from './dm-composer.styles.js';
import './dm-composer.events.js';
import { type ComposerStrings, enComposer } from '../../i18n/strings.js';

/** A stop sign beside the reason sending is blocked (decorative: the words say it). */
const STOP_ICON = html`<svg aria-hidden="true" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6"><circle cx="8" cy="8" r="6.2"/><path d="M3.8 12.2 12.2 3.8"/></svg>`;

/** Longest message the API accepts, in characters (code points) after trimming. */
export const MAX_MESSAGE_LENGTH = 2000;
/** From this length on the composer shows (and announces) a character counter. */
const COUNTER_FROM = 1800;
/** How long typing must pause before the draft is saved. */
const DRAFT_DELAY_MS = 300;

const codePoints = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * Enter sends and Shift+Enter starts a new line (never while an IME composition is active).
 * What is typed is kept as a draft per client (it survives switching clients and reloading).
 * The text box empties as soon as Send is pressed: the message shows as pending in the feed, which
 * offers Retry/Discard if it fails. A send the server refuses (blocked, or the session ended) puts
 * the text back.
 *
 * @summary The keyboard of a client card: a text box and Send, disabled with a reason when sending is blocked.
 * @tag dm-composer
 *
 * @attr client-id - The client to write to. Without it the composer is disabled (and says nothing).
 *
 * @fires {DmMessageSentEvent} dm-message-sent - The server stored a message; `detail.message` is the stored `MessageItem`.
 *
 * @csspart base - The wrapper of everything below.
 * @csspart input - The text box (a `<textarea>`): grows with its text up to about 8 lines, then scrolls.
 * @csspart send - The Send button.
 * @csspart blocked-reason - Why sending is blocked (present only while it is); it describes the text box.
 * @csspart warning - "One message left" before the consecutive limit (present only then).
 * @csspart counter - The character counter, filled in from 1,800 characters.
 * @csspart status - A polite status line for problems with sending (session ended, offline).
 *
 * @cssproperty [--dm-composer-bg=var(--dm-color-bg)] - Background behind the text box.
 * @cssproperty [--dm-composer-max-height=about 8 lines] - Height from which the text box scrolls instead of growing.
 */
export class DmComposer extends DmElement {
  static override properties: PropertyDeclarations = {
    clientId: { attribute: 'client-id', reflect: true },
    text: { attribute: false },
    problem_: { attribute: false },
    offline_: { attribute: false },
  };

  /** The words in force (see `ComposerStrings`). */
  protected get t(): ComposerStrings {
    return this.wordsOf(enComposer);
  }

  static override styles = [tokens, composerStyles];
  static override shadowRootOptions: ShadowRootInit = {
    ...DmElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /** The client to write to (`null`, `undefined` or `''`: none). */
  clientId: string | null | undefined = null;
  /** The clock of typing reports (at most one every 3 s); tests may replace it. */
  typingClock: () => number = Date.now;

  private text = '';
  private problem_ = '';
  private offline_ = typeof navigator !== 'undefined' && navigator.onLine === false;

  private get textarea_(): HTMLTextAreaElement | null {
    return this.renderRoot?.querySelector<HTMLTextAreaElement>('textarea') ?? null;
  }

  /** Which client (and advisor) the text box's draft belongs to. */
  private draftClient_: string | null = null;
  private draftAdvisor_: string | null = null;
  private draftTimer_: ReturnType<typeof setTimeout> | null = null;
  private requested_: { store: DmStore; clientId: string } | null = null;

  /** Focuses the text box. */
  override focus(options?: FocusOptions): void {
    if (this.textarea_) this.textarea_.focus(options);
    else super.focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.listenTo_(this.store);
    window.addEventListener('online', this.handleConnectivity_);
    window.addEventListener('offline', this.handleConnectivity_);
    window.addEventListener('pagehide', this.handlePageHide_);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listenTo_(undefined);
    window.removeEventListener('online', this.handleConnectivity_);
    window.removeEventListener('offline', this.handleConnectivity_);
    window.removeEventListener('pagehide', this.handlePageHide_);
    this.flushDraft_();
    this.requested_ = null;
  }

  /** Updates for this client's eligibility and summary, and the advisor (whose drafts these are), only. */
  protected override select(s: DmStore): unknown {
    const id = this.clientId ?? '';
    return [s.advisor?.id, s.eligibility(id), s.client(id)];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.store;
    this.listenTo_(this.isConnected ? store : undefined);
    if (changed.has('clientId')) this.problem_ = '';
    if (!store) return;
    this.syncDraft_(store);
    const clientId = this.clientId;
    if (clientId && (this.requested_?.store !== store || this.requested_.clientId !== clientId)) {
      this.requested_ = { store, clientId };
      // An idle or loading eligibility leaves the box usable: no flash of "disabled" on every switch.
      void store.loadEligibility(clientId);
      void store.ensureClient(clientId);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The box is written only when it differs from `text` (as Lit's live() does): never a
    // same-value write under the advisor's fingers, which could upset an IME composition.
    const ta = this.textarea_;
    if (ta && ta.value !== this.text) ta.value = this.text;
    if (changed.has('text')) this.fitHeight_();
    // Sending just became blocked under the advisor's fingers: keep focus here, on the reason,
    // rather than letting it fall to <body> with the disabled text box.
    if (this.hadFocus_ && this.textarea_?.disabled)
      this.renderRoot.querySelector<HTMLElement>('#reason')?.focus();
    this.hadFocus_ = false;
  }

  private hadFocus_ = false;

  protected override update(changed: PropertyValues): void {
    this.hadFocus_ = !!this.textarea_ && this.shadowRoot?.activeElement === this.textarea_;
    super.update(changed);
  }

  /** Keeps the box and the saved drafts in step when the client or the signed-in advisor changes. */
  private syncDraft_(store: DmStore): void {
    const clientId = this.clientId || null;
    // Drafts are keyed by advisor, who is known only once `/me` answered.
    const advisor = store.advisor?.id ?? null;
    if (clientId === this.draftClient_ && advisor === this.draftAdvisor_) return;
    if (clientId !== this.draftClient_) {
      this.flushDraft_();
      this.text = clientId ? store.drafts.get(clientId) : '';
    } else if (clientId) {
      // Same client, the advisor just became known: read their saved draft, or keep what was typed meanwhile.
      if (this.text) store.drafts.set(clientId, this.text);
      else this.text = store.drafts.get(clientId);
    }
    this.draftClient_ = clientId;
    this.draftAdvisor_ = advisor;
  }

  private scheduleDraft_(): void {
    if (this.draftTimer_) clearTimeout(this.draftTimer_);
    this.draftTimer_ = setTimeout(() => this.flushDraft_(), DRAFT_DELAY_MS);
  }

  /** Saves the pending draft of the client the box belongs to, at once. */
  private flushDraft_(): void {
    if (!this.draftTimer_) return;
    clearTimeout(this.draftTimer_);
    this.draftTimer_ = null;
    if (this.store && this.draftClient_) this.store.drafts.set(this.draftClient_, this.text);
  }

  private cancelDraft_(): void {
    if (this.draftTimer_) clearTimeout(this.draftTimer_);
    this.draftTimer_ = null;
  }

  private handlePageHide_ = () => this.flushDraft_();

  private handleConnectivity_ = () => {
    this.offline_ = navigator.onLine === false;
  };

  private handleInput_(e: InputEvent): void {
    this.text = (e.target as HTMLTextAreaElement).value;
    this.scheduleDraft_();
    // Only the advisor's own edits report typing (a send or a restored draft does not); since contract 1.1.
    if (this.clientId)
      this.store?.signals.reportTyping(this.clientId, this.text, this.typingClock());
  }

  private handleKeydown_(e: KeyboardEvent): void {
    // keyCode 229: some browsers report the Enter that confirms an IME composition this way.
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    void this.send();
  }

  private handleSendClick_(): void {
    void this.send();
    // The button disables itself once the box is empty; keep the keyboard in the box.
    this.textarea_?.focus();
  }

  /**
   * Every message the store gets stored for this client fires `dm-message-sent`, however it got
   * there: sent from this box, retried from the feed's Retry, or re-sent from the saved outbox.
   */
  private handleStored_ = ({ detail: message }: CustomEvent<MessageItem>) => {
    if (message.clientId === this.clientId) this.emit('dm-message-sent', { message });
  };

  private listeningTo_?: DmStore;
  private listenTo_(store: DmStore | undefined): void {
    if (store === this.listeningTo_) return;
    this.listeningTo_?.removeEventListener('message-sent', this.handleStored_);
    store?.addEventListener('message-sent', this.handleStored_);
    this.listeningTo_ = store;
  }

  /** Sends what is in the box (trimmed), if sending is allowed. Resolves when the server answered. */
  async send(): Promise<void> {
    const store = this.store;
    const clientId = this.clientId;
    const body = this.text.trim();
    if (
      !store ||
      !clientId ||
      !body ||
      codePoints(body) > MAX_MESSAGE_LENGTH ||
      this.blockedFor_(store, clientId)
    )
      return;
    this.cancelDraft_();
    store.drafts.clear(clientId);
    this.text = '';
    this.problem_ = '';
    const result = await store.send(clientId, body);
    switch (result.status) {
      case 'sent':
        // Stored messages to the client on screen are announced by handleStored_; one to a client
        // the advisor has switched away from meanwhile is announced here.
        if (result.message.clientId !== this.clientId)
          this.emit('dm-message-sent', { message: result.message });
        break;
      case 'blocked':
      case 'auth':
        // The server refused it: nothing typed is lost. The reason comes with the (now blocked)
        // eligibility; that it was not sent is said even if the eligibility asked again disagrees.
        this.restoreText_(store, clientId, result.body);
        if (this.clientId === clientId)
          this.problem_ = result.status === 'auth' ? this.t.signInAgain : this.t.sendRefused;
        break;
      case 'failed':
        // The feed shows the failed message with Retry and Discard.
        break;
    }
  }

  private restoreText_(store: DmStore, clientId: string, body: string): void {
    if (this.clientId === clientId) {
      if (this.text.trim()) return;
      this.text = body;
      store.drafts.set(clientId, body);
    } else if (!store.drafts.get(clientId)) {
      store.drafts.set(clientId, body);
    }
  }

  private blockedFor_(store: DmStore, clientId: string): boolean {
    const value = store.eligibility(clientId).value;
    return !!value && !value.canSend;
  }

  private fittedLength_ = 0;
  private fittedBreaks_ = 1;

  private fitHeight_(): void {
    const ta = this.textarea_;
    if (!ta) return;
    // Collapsed first only when the text got shorter: collapsing on every keystroke lets the feed
    // above grow for a moment, and the browser then pulls the feed's view off its bottom.
    // (Fewer line breaks count too: one long line pasted over five short ones.)
    const breaks = this.text.split('\n').length;
    const shrunk = this.text.length < this.fittedLength_ || breaks < this.fittedBreaks_;
    this.fittedLength_ = this.text.length;
    this.fittedBreaks_ = breaks;
    if (shrunk) ta.style.height = 'auto';
    // scrollHeight leaves out the borders; CSS max-height caps the growth, then the box scrolls.
    if (shrunk || ta.scrollHeight > ta.clientHeight)
      ta.style.height = `${ta.scrollHeight + ta.offsetHeight - ta.clientHeight}px`;
  }

  protected override render() {
    const t = this.t;
    const store = this.store;
    const clientId = this.clientId;
    const eligibility = store && clientId ? store.eligibility(clientId).value : null;
    const name = (clientId && store?.client(clientId)?.displayName) || t.aClient;
    const blocked = !!eligibility && !eligibility.canSend;
    const unknown =
      !!store && !!clientId && store.eligibility(clientId).error?.kind === 'not-found';
    const disabled = !store || !clientId || blocked || unknown;
    const reason = blocked && eligibility.reason ? t.blocked[eligibility.reason](name) : '';
    const warning = !!eligibility && !disabled && isOneMessageLeft(eligibility);
    const length = codePoints(this.text.trim());
    const nearLimit = length >= COUNTER_FROM;
    const tooLong = length > MAX_MESSAGE_LENGTH;
    const canSend = !disabled && length > 0 && !tooLong;
    const describedBy = [
      reason && 'reason',
      warning && 'warning',
      nearLimit && 'counter',
      tooLong && 'too-long',
    ]
      .filter(Boolean)
      .join(' ');
    const status = this.problem_ || (unknown ? t.clientNotFound : this.offline_ ? t.offline : '');

    return html`
      <div class="composer" part="base" dir=${this.textDir}>
        ${
          reason
            ? html`<p id="reason" class="notice reason" part="blocked-reason" tabindex="-1">${STOP_ICON}<span>${reason}</span></p>`
            : nothing
        }
        ${warning ? html`<p id="warning" class="notice warning" part="warning">${t.oneLeft(name)}</p>` : nothing}
        <div class="row">
          <textarea
            part="input"
            rows="1"
            aria-label=${t.messageLabel(name)}
            placeholder=${reason ? t.placeholderBlocked : t.placeholder}
            aria-describedby=${describedBy || nothing}
            aria-invalid=${ifDefined(tooLong ? 'true' : undefined)}
            ?disabled=${disabled}
            @input=${this.handleInput_}
            @keydown=${this.handleKeydown_}
          ></textarea>
          <button type="button" class="btn primary send" part="send" ?disabled=${!canSend} @click=${this.handleSendClick_}>
            ${t.send}
          </button>
        </div>
        <div class="meta">
          ${tooLong ? html`<span id="too-long" class="too-long">${t.tooLong(MAX_MESSAGE_LENGTH, this.num)}</span>` : nothing}
          <span
            id="counter"
            part="counter"
            class=${tooLong ? 'counter over' : 'counter'}
            aria-live=${nearLimit ? 'polite' : 'off'}
            >${nearLimit ? t.characters(length, MAX_MESSAGE_LENGTH, this.num) : ''}</span
          >
        </div>
        <div class="status" part="status" role="status">${status}</div>
      </div>
    `;
  }
}
