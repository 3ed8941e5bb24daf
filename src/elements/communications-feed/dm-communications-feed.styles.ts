import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    position: relative;
    min-height: 0;
    height: 100%;
    /* Never taller than the screen (a host's own max-block-size wins). */
    max-block-size: 100dvh;
    background: var(--_bg);
  }
  :host([hidden]) {
    display: none;
  }
  /* The column that holds the toolbar and the scroller. It takes the host's height whether the
     host page leaves the host a flex box or makes it a block, and never grows past the screen
     when the page gives no height at all (which would render every item). */
  .frame {
    flex: 1 1 auto;
    display: flex;
    flex-direction: column;
    position: relative;
    block-size: 100%;
    max-block-size: 100dvh;
    min-block-size: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-block-end: 1px solid var(--_border);
    flex: none;
  }
  [part~='filter'] {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 2px;
    background: var(--_surface);
  }
  [part~='filter'] button {
    border: 0;
    background: transparent;
    border-radius: 999px;
    padding: 4px 12px;
    min-height: 28px;
    cursor: pointer;
    color: var(--_muted);
    /* One weight for every option, so the control keeps its width when the choice changes. */
    font-weight: 600;
  }
  [part~='filter'] button[aria-pressed='true'] {
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.12);
  }
  .scroller {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overflow-anchor: none;
    display: flex;
    flex-direction: column;
    overscroll-behavior: contain;
  }
  .content {
    margin-block-start: auto;
  }
  .row {
    padding: 3px calc(var(--_space) * 1.5);
  }
  /* The ring goes round the message or order that has focus, not the row's full width and divider. */
  .row:focus-visible {
    outline: none;
  }
  .row:focus-visible .bubble,
  .row:focus-visible .order {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .day,
  .new-divider {
    display: flex;
    align-items: center;
    gap: var(--_space);
    color: var(--_muted);
    font-size: 0.85em;
    padding-block: 10px 6px;
  }
  .day::before,
  .day::after,
  .new-divider::before,
  .new-divider::after {
    content: '';
    flex: 1;
    border-block-start: 1px solid var(--_border);
  }
  .new-divider {
    color: var(--_unread);
    font-weight: 600;
  }
  .new-divider::before,
  .new-divider::after {
    border-color: var(--_unread);
  }
  .msg {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
  }
  .msg.advisor {
    align-items: flex-end;
  }
  .bubble {
    max-width: min(75%, 36em);
    padding: 8px 12px;
    border-radius: var(--_radius);
    background: var(--_bubble-client);
    color: var(--_bubble-client-text);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    line-height: 1.4;
    border-end-start-radius: 4px;
  }
  .advisor .bubble {
    background: var(--_bubble-advisor);
    color: var(--_bubble-advisor-text);
    border-end-start-radius: var(--_radius);
    border-end-end-radius: 4px;
  }
  .bubble a {
    color: var(--_accent);
  }
  .advisor .bubble a {
    color: inherit;
  }
  .details [part~='error'] p {
    color: var(--_danger);
  }
  .pending .bubble {
    opacity: 0.7;
  }
  /* Not sent: a dashed edge (a solid ring would read as keyboard focus; fading it would cost contrast). */
  .failed .bubble {
    border: 2px dashed var(--_danger);
  }
  .meta {
    font-size: 0.78em;
    color: var(--_muted);
    margin-block-start: 2px;
    display: flex;
    gap: 6px;
    align-items: center;
  }
  .meta .fail {
    color: var(--_danger);
    font-weight: 600;
  }
  .failed .meta {
    font-size: 0.875em;
    margin-block-start: 6px;
  }
  .meta .btn {
    color: var(--_accent);
    font-size: inherit;
    font-weight: 600;
  }
  .seen {
    font-weight: 600;
  }
  .typing {
    margin: 0;
    padding: 2px 16px 4px;
    font-size: 0.85em;
    font-style: italic;
    color: var(--_muted);
  }
  .order {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 2px 12px;
    width: min(100%, 30em);
    margin-inline: auto;
    text-align: start;
    padding: 10px 14px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .order:hover {
    border-color: var(--_accent);
  }
  .order .type {
    font-size: 0.8em;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .order .title {
    font-weight: 600;
    grid-column: 1 / -1;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .order .price {
    font-weight: 600;
    text-align: end;
  }
  .order .sub {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .status {
    display: inline-block;
    padding: 0 8px;
    border-radius: 999px;
    font-size: max(11px, 0.9em);
    background: var(--_bg);
    border: 1px solid var(--_border);
  }
  .status.completed {
    color: var(--_success);
    border-color: var(--_success);
  }
  .status.cancelled,
  .status.refunded {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  /* The two floating pills: "Loading older…" at the top, "New messages" at the bottom. */
  .older,
  [part~='new-messages'] {
    position: absolute;
    inset-inline: 0;
    margin-inline: auto;
    width: max-content;
    border-radius: 999px;
    z-index: 1;
  }
  .older {
    inset-block-start: 56px;
    padding: 4px 12px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    font-size: 0.85em;
    color: var(--_muted);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.1);
  }
  [part~='new-messages'] {
    inset-block-end: 12px;
    border: 0;
    padding: 6px 16px;
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.2);
  }
  .jump {
    position: absolute;
    inset-block-end: 12px;
    inset-inline-end: 16px;
    z-index: 1;
    inline-size: 40px;
    block-size: 40px;
    border-radius: 50%;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_accent);
    font-size: 1.2em;
    cursor: pointer;
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.2);
  }
  .state {
    margin-block: auto;
  }
  /* A thumb needs 44 × 44 px (WCAG 2.5.5). */
  @media (pointer: coarse) {
    [part~='filter'] button,
    [part~='new-messages'] {
      min-block-size: 44px;
      min-inline-size: 44px;
    }
    .jump {
      inline-size: 44px;
      block-size: 44px;
    }
  }
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0;
    width: min(32rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    color: var(--_text);
    background: var(--_bg);
    font: inherit;
    box-shadow: 0 10px 40px rgb(0 0 0 / 0.3);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .details {
    padding: calc(var(--_space) * 2.5);
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .details header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--_space);
  }
  .details h2 {
    margin: 0;
    font-size: 1.15em;
    overflow-wrap: anywhere;
  }
  .stale {
    margin: 0;
    padding: var(--_space);
    border-radius: var(--_radius-sm);
    background: var(--_warning-bg);
    color: var(--_warning-text);
  }
  .details dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 6px 16px;
    margin: 0;
  }
  .details dt {
    color: var(--_muted);
  }
  .details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .details .text {
    white-space: pre-wrap;
  }
  .close {
    border: 0;
    background: none;
    font-size: 1.4em;
    line-height: 1;
    cursor: pointer;
    padding: 4px 8px;
    border-radius: var(--_radius-sm);
  }
  @media (forced-colors: active) {
    [part~='filter'] button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .bubble,
    [part~='new-messages'] {
      border: 1px solid;
    }
  }
`;
