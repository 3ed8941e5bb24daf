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
  .reason {
    background: var(--_surface);
    border: 1px solid var(--_border);
    color: var(--_text);
  }
  .warning {
    background: var(--_warning-bg);
    color: var(--_warning-text);
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
