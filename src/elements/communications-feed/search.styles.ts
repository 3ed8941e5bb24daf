import { css } from 'lit';

/** The conversation search box, its hits, and the entry a hit jumped to (since contract 1.1). */
export const searchStyles = css`
  .csearch {
    position: relative;
    flex: 1 1 8em;
    min-inline-size: 0;
    display: flex;
    justify-content: flex-end;
  }
  .csearch input {
    inline-size: 100%;
    max-inline-size: 20em;
    min-block-size: 32px;
    padding: 4px 12px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    color: inherit;
    font: inherit;
  }
  .csearch input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  .hits-pop {
    position: absolute;
    inset-inline-end: 0;
    inset-block-start: calc(100% + 4px);
    inline-size: min(26em, calc(100vw - 2rem));
    z-index: 3;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.18);
  }
  .hits-pop[hidden] {
    display: none;
  }
  .hits {
    max-block-size: min(22em, 60vh);
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .hit {
    display: grid;
    gap: 2px;
    padding: 8px 12px;
    cursor: pointer;
    border-block-end: 1px solid var(--_border);
  }
  .hit:hover {
    background: var(--_hover);
  }
  .hit[aria-selected='true'] {
    background: var(--_selected);
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .hit-meta {
    font-size: 0.8em;
    color: var(--_muted);
  }
  .hit-text {
    overflow-wrap: anywhere;
  }
  mark {
    background: var(--dm-mark-bg, #fff1a8);
    color: var(--dm-mark-text, #1f2328);
    border-radius: 2px;
  }
  .hits-note {
    margin: 0;
    padding: 8px 12px;
    color: var(--_muted);
  }
  [part~='search-error'] {
    color: var(--_danger);
  }
  /* The entry a hit jumped to. */
  .search-target .bubble,
  .search-target .order {
    box-shadow: 0 0 0 3px var(--dm-mark-ring, #d4a72c);
  }
  .older.newer {
    inset-block: auto 60px;
  }
  @media (max-width: 480px) {
    .csearch input {
      min-block-size: 44px;
    }
  }
  @media (forced-colors: active) {
    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
    .hit[aria-selected='true'] {
      outline-color: Highlight;
    }
    .search-target .bubble,
    .search-target .order {
      outline: 3px solid Highlight;
    }
  }
`;
