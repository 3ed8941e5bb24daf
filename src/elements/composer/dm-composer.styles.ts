import { css } from 'lit';

/** Styles of `<dm-composer>` (after the shared `tokens`). */
export const composerStyles = css`
  :host {
    display: block;
    --_composer-bg: var(--dm-composer-bg, var(--_bg));
    --_composer-max-height: var(--dm-composer-max-height, calc(8 * 1.4em + 2 * var(--_space) + 2px));
  }
  :host([hidden]) {
    display: none;
  }
  .composer {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    background: var(--_composer-bg);
  }
  .notice {
    margin: 0;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--_radius-sm);
    line-height: 1.4;
  }
  /* Reads as a message from the site, not as a second text box: a tinted box with a stop sign. */
  .reason {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_bg));
    border: 1px solid color-mix(in srgb, var(--_danger) 30%, var(--_bg));
    border-inline-start: 4px solid var(--_danger);
    color: var(--_text);
  }
  .reason svg {
    flex: none;
    inline-size: 1.15em;
    block-size: 1.15em;
    margin-block-start: 0.1em;
    color: var(--_danger);
  }
  /* The same box as the blocked reason, in the warning's colours. */
  .warning {
    background: var(--_warning-bg);
    color: var(--_warning-text);
    border: 1px solid color-mix(in srgb, var(--_warning-text) 25%, var(--_warning-bg));
    border-inline-start: 4px solid color-mix(in srgb, var(--_warning-text) 60%, var(--_warning-bg));
  }
  .row {
    display: flex;
    align-items: flex-end;
    gap: var(--_space);
  }
  textarea {
    flex: 1;
    min-width: 0;
    resize: none;
    font: inherit;
    color: inherit;
    line-height: 1.4;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    background: var(--_bg);
    max-height: var(--_composer-max-height);
    overflow-y: auto;
  }
  textarea::placeholder {
    color: var(--_muted);
  }
  textarea:disabled {
    background: var(--_surface);
    color: var(--_muted);
    cursor: not-allowed;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .send {
    flex: none;
    min-height: calc(1.4em + 2 * var(--_space) + 2px);
  }
  @media (pointer: coarse) {
    .send {
      min-height: 44px;
    }
  }
  .meta {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    font-size: 0.875em;
    color: var(--_muted);
  }
  .meta:empty {
    display: none;
  }
  .counter {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .counter.over,
  .too-long,
  .status {
    color: var(--_danger);
  }
  .status:empty {
    display: none;
  }
`;
