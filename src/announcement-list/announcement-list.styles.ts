import { css } from 'lit';

export const styles = css`
  [part~='tabs'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-bottom: 2px solid var(--_border);
    margin-bottom: var(--_gap);
  }
  [part~='tab'] {
    padding: 0.375rem 0.875rem;
    border: 0;
    border-bottom: 3px solid transparent;
    margin-bottom: -2px;
    background: none;
    color: inherit;
  }
  [part~='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  [part~='panel']:focus-visible {
    outline-offset: 4px;
  }
  [part~='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='item'] {
    display: flex;
    gap: calc(var(--_gap) * 1.5);
    padding: var(--_gap) 0;
    border-bottom: 1px solid var(--_border);
  }
  [part~='item']:last-child {
    border-bottom: 0;
  }
  .body {
    min-width: 0;
    flex: 1;
  }
  [part~='title'] {
    overflow-wrap: anywhere;
    text-decoration: none;
  }
  a[part~='title']:hover {
    text-decoration: underline;
  }
  [part~='date'] {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* The same badge shape as the ticker's, on purpose (news-ticker.styles.ts); its colour is its own. */
  [part~='badge'] {
    display: inline-block;
    padding: 0 0.4em;
    border-radius: var(--_radius);
    background: var(--ect-new, #c2410c);
    color: #fff;
    font-size: 0.75em;
    font-weight: 600;
    vertical-align: middle;
  }
  [part~='thumbnail'] {
    flex: none;
    width: 7.5rem;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_border);
  }
  [part~='excerpt'] {
    margin: 0.25rem 0 0;
  }
  [part~='attachments'] {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0;
    font-size: 0.875em;
  }
  .facts {
    white-space: nowrap;
  }
  .more {
    margin: var(--_gap) 0 0;
    text-align: end;
  }
  /* Narrow (a phone, a sidebar): a smaller picture, still beside its story, not a screen-high one above it. */
  @container (max-width: 22rem) {
    [part~='thumbnail'] {
      align-self: flex-start;
      width: clamp(4.5rem, 28%, 7.5rem);
    }
  }
  @media print {
    [part~='tabs'],
    [part~='retry'] {
      display: none;
    }
  }
`;
