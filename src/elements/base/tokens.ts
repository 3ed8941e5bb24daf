import { css } from 'lit';

/**
 * The theme: every public `--dm-*` custom property with its default, mapped to private `--_*`
 * names that the elements' styles use. A host sets `--dm-*` on any ancestor (or `:root`).
 */
export const tokens = css`
  :host {
    --_font: var(--dm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--dm-font-size, 14px);
    --_text: var(--dm-color-text, #1f2328);
    --_muted: var(--dm-color-muted, #59636e);
    --_bg: var(--dm-color-bg, #ffffff);
    --_surface: var(--dm-color-surface, #f6f8fa);
    --_border: var(--dm-color-border, #d1d9e0);
    --_accent: var(--dm-color-accent, #5b3cc4);
    --_on-accent: var(--dm-color-on-accent, #ffffff);
    --_unread: var(--dm-color-unread, #d1242f);
    --_danger: var(--dm-color-danger, #b42318);
    --_success: var(--dm-color-success, #1a7f37);
    --_warning-bg: var(--dm-color-warning-bg, #fff8c5);
    --_warning-text: var(--dm-color-warning-text, #4d2d00);
    --_bubble-advisor: var(--dm-bubble-advisor-bg, var(--_accent));
    --_bubble-advisor-text: var(--dm-bubble-advisor-text, var(--_on-accent));
    --_bubble-client: var(--dm-bubble-client-bg, #eef1f4);
    --_bubble-client-text: var(--dm-bubble-client-text, var(--_text));
    --_selected: var(--dm-color-selected, #ece8fb);
    --_hover: var(--dm-color-hover, #f3f4f6);
    --_focus: var(--dm-focus-ring, 2px solid var(--_accent));
    --_radius: var(--dm-radius, 12px);
    --_radius-sm: var(--dm-radius-small, 6px);
    --_space: var(--dm-space, 8px);
    --_avatar: var(--dm-avatar-size, 40px);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .btn {
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: var(--_radius-sm);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
    cursor: pointer;
    min-height: 32px;
  }
  .btn:hover {
    background: var(--_hover);
  }
  .btn.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  /* A thumb needs 44 × 44 px (WCAG 2.5.5): every control is at least that under a coarse pointer. */
  @media (pointer: coarse) {
    .btn {
      min-block-size: 44px;
      min-inline-size: 44px;
    }
  }
  .btn[disabled] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .state {
    padding: calc(var(--_space) * 3) calc(var(--_space) * 2);
    color: var(--_muted);
    text-align: center;
  }
  .state[part~='error'] {
    color: var(--_danger);
  }
`;
