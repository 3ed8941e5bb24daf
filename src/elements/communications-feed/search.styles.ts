import { css } from 'lit';

/** The conversation search box, its hits, and the entry a hit jumped to (since contract 1.1). */
export const searchStyles = css`
  /* At least 12em wide: beside the filter on a phone the box wraps to a row of its own. */
  .cs {
    position: relative;
    flex: 1 1 12em;
    display: flex;
    justify-content: flex-end;
  }
  .cs input {
    inline-size: 100%;
    max-inline-size: 20em;
    min-block-size: 32px;
    padding-inline: 12px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    color: inherit;
    font: inherit;
  }
  .hits {
    position: absolute;
    inset-inline-end: 0;
    inset-block-start: 100%;
    inline-size: min(26em, 90vw);
    z-index: 3;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.2);
  }
  [role='listbox'] {
    max-block-size: min(22em, 60vh);
    overflow-y: auto;
  }
  .hits p,
  [role='option'] {
    margin: 0;
    padding: 8px 12px;
  }
  [role='option'] {
    display: block;
    cursor: pointer;
    border-block-end: 1px solid var(--_border);
  }
  [aria-selected='true'] {
    background: var(--_selected);
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .hits small {
    display: block;
    color: var(--_muted);
  }
  @media (pointer: coarse) {
    .cs input,
    [role='option'] {
      min-block-size: 44px;
    }
  }
  mark {
    background: var(--dm-mark-bg, #fff1a8);
    color: var(--dm-mark-text, #1f2328);
  }
  .search-target :is(.bubble, .order) {
    outline: 3px solid var(--dm-mark-ring, #d4a72c);
  }
  .newer {
    inset-block: auto 60px;
  }
`;
