import { css } from 'lit';

/** Styles of `<dm-notifier>` (after the shared `tokens`). */
export const notifierStyles = css`
  :host {
    position: fixed;
    inset-block-start: var(--dm-notifier-inset, 16px);
    inset-inline-end: var(--dm-notifier-inset, 16px);
    z-index: var(--dm-notifier-z-index, 1000);
    display: block;
    width: min(var(--dm-notifier-width, 360px), calc(100% - 2 * var(--dm-notifier-inset, 16px)));
    pointer-events: none;
  }
  :host([hidden]) {
    display: none;
  }
  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .notice {
    pointer-events: auto;
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.5);
    background: var(--dm-notifier-bg, var(--_bg));
    color: var(--_text);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius-sm);
    box-shadow: var(--dm-notifier-shadow, 0 6px 24px rgb(0 0 0 / 0.16));
    cursor: pointer;
    animation: enter 160ms ease-out;
  }
  .open {
    flex: 1;
    min-width: 0;
    border: 0;
    background: none;
    padding: var(--_space);
    text-align: start;
    font-weight: 600;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .preview {
    display: block;
    font-weight: 400;
    color: var(--_muted);
  }
  .dismiss {
    flex: none;
    display: grid;
    place-items: center;
    width: 32px;
    height: 32px;
    border: 0;
    border-radius: var(--_radius-sm);
    background: none;
    color: var(--_muted);
    cursor: pointer;
  }
  .dismiss:hover,
  .open:hover {
    background: var(--_hover);
  }
  /* A thumb needs 44 × 44 px (WCAG 2.5.5). */
  @media (pointer: coarse) {
    .open {
      min-block-size: 44px;
    }
    .dismiss {
      width: 44px;
      height: 44px;
    }
  }
  svg {
    width: 16px;
    height: 16px;
  }
  @keyframes enter {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
  /* On a phone the two newest show (the others wait behind them), so notices never fill the screen. */
  @media (max-width: 600px) {
    .notice:nth-last-child(n + 3) {
      display: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .notice {
      animation: none;
    }
  }
`;
