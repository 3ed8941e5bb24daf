import { css } from 'lit';

/** Styles of `<dm-client-list>` (after the shared `tokens`). Logical properties only, so RTL needs nothing extra. */
export const clientListStyles = css`
  :host {
    --_list-bg: var(--dm-client-list-bg, var(--_bg));
    --_divider: var(--dm-client-list-divider, var(--dm-color-border, #eaeef2));
    --_row-pad: var(--dm-client-list-row-padding, calc(var(--_space) * 1.25) calc(var(--_space) * 2));
    --_badge: var(--dm-unread-badge-size, 10px);
    /* A flex column, so the scroller takes whatever height the host page gives the element. */
    display: flex;
    flex-direction: column;
    block-size: 100%;
    /* Safety net for a host that sets no height: never grow past the screen (which would render every row). */
    max-block-size: 100dvh;
    min-block-size: 0;
    background: var(--_list-bg);
  }
  :host([hidden]) {
    display: none;
  }
  /* Takes the host's height whether the host page leaves the host a flex box or makes it a block. */
  .base {
    flex: 1 1 auto;
    display: flex;
    flex-direction: column;
    block-size: 100%;
    max-block-size: 100dvh;
    min-block-size: 0;
  }

  .search {
    flex: none;
    padding: var(--_space);
    border-block-end: 1px solid var(--_border);
  }
  .search input {
    display: block;
    inline-size: 100%;
    min-block-size: 36px;
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: calc(var(--_space) * 1.25);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    background: var(--_bg);
    color: inherit;
    font: inherit;
  }
  .search input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  .search input:focus-visible {
    outline-offset: 0;
  }

  .scroller {
    flex: 1 1 auto;
    min-block-size: 0;
    overflow: auto;
    /* VirtualWindow keeps the view still itself; the browser's own anchoring would fight it. */
    overflow-anchor: none;
    overscroll-behavior: contain;
  }
  /* The "N new" cue: stuck to the top of the scroller, taking no room among the rows. */
  .cue {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    block-size: 0;
    display: flex;
    align-items: flex-start;
    justify-content: center;
  }
  [part~='new-clients'] {
    margin-block-start: var(--_space);
    border: 0;
    border-radius: 999px;
    padding: 6px 16px;
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.2);
  }
  .list:focus-visible {
    outline-offset: -2px;
  }

  .row {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
    /* One height for every row (unless a host makes the content taller): the window's guess stays exact. */
    min-block-size: 64px;
    padding: var(--_row-pad);
    border-block-end: 1px solid var(--_divider);
    border-inline-start: 3px solid transparent;
    cursor: pointer;
    user-select: none;
    -webkit-tap-highlight-color: transparent;
  }
  .row:hover {
    background: var(--_hover);
  }
  .row[aria-selected='true'] {
    background: var(--_selected);
    border-inline-start-color: var(--_accent);
  }
  .row:focus-visible {
    outline-offset: -2px;
  }

  .avatar {
    position: relative;
    flex: none;
    display: grid;
    place-items: center;
    inline-size: var(--_avatar);
    block-size: var(--_avatar);
    border-radius: 50%;
    overflow: hidden;
    color: #fff;
    font-weight: 600;
    font-size: calc(var(--_avatar) * 0.38);
    line-height: 1;
  }
  .avatar img {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    background: var(--_surface);
  }

  .text {
    flex: 1 1 auto;
    min-inline-size: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .line {
    display: flex;
    align-items: baseline;
    gap: var(--_space);
    min-inline-size: 0;
  }
  .name,
  .preview {
    flex: 1 1 auto;
    min-inline-size: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  /* Names and previews take their own direction (dir=auto: a long one is cut at its end), but line
     up with the list's: a Latin name in an Arabic list sits beside its avatar, not by the time. */
  .name,
  .preview {
    text-align: left;
  }
  :host(:dir(rtl)) .name,
  :host(:dir(rtl)) .preview {
    text-align: right;
  }
  .name {
    font-weight: 500;
  }
  .preview {
    color: var(--_muted);
    font-size: 0.93em;
  }
  .unread .name {
    font-weight: 700;
  }
  .unread .preview {
    color: var(--_text);
  }
  .preview.typing {
    font-style: italic;
    color: var(--_accent);
  }
  .time {
    flex: none;
    color: var(--_muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .unread .time {
    color: var(--_text);
  }
  .badge {
    flex: none;
    align-self: center;
    inline-size: var(--_badge);
    block-size: var(--_badge);
    border-radius: 50%;
    background: var(--_unread);
  }

  .more {
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    color: var(--_muted);
    font-size: 0.9em;
    text-align: center;
  }
  .more[part~='error'] {
    color: var(--_danger);
  }
  .state .btn,
  .more .btn {
    margin-inline-start: var(--_space);
  }

  @media (pointer: coarse) {
    .search input,
    [part~='new-clients'] {
      min-block-size: 44px;
    }
  }

  /* High contrast: backgrounds and colours are the system's, so unread and selected need marks of their own. */
  @media (forced-colors: active) {
    .row {
      border-inline-start-color: Canvas;
    }
    .row[aria-selected='true'] {
      border-inline-start-color: Highlight;
    }
    [part~='new-clients'] {
      border: 1px solid;
    }
    .badge {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
