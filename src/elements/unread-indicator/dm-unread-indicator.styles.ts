import { css } from 'lit';

/** Styles of `<dm-unread-indicator>` (after the shared `tokens`). */
export const unreadIndicatorStyles = css`
  :host {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    vertical-align: middle;
    --_dot: var(--dm-unread-indicator-size, 10px);
    --_dot-color: var(--dm-unread-indicator-color, var(--_unread));
    --_dot-text: var(--dm-unread-indicator-text, #ffffff);
  }
  :host([hidden]) {
    display: none;
  }
  .bubble {
    display: inline-block;
    flex: none;
    width: var(--_dot);
    height: var(--_dot);
    border-radius: 999px;
    background: var(--_dot-color);
  }
  .bubble.count {
    width: auto;
    min-width: calc(var(--_dot) * 1.8);
    height: calc(var(--_dot) * 1.8);
    padding: 0 calc(var(--_dot) * 0.5);
    color: var(--_dot-text);
    font-size: calc(var(--_dot) * 1.2);
    font-weight: 600;
    line-height: calc(var(--_dot) * 1.8);
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  @media (forced-colors: active) {
    .bubble {
      forced-color-adjust: none;
      background: CanvasText;
      color: Canvas;
    }
  }
`;
