import { css } from 'lit';

export const styles = css`
  [part~='controls'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_gap);
    margin-bottom: var(--_gap);
  }
  label {
    display: flex;
    flex-direction: column;
    font-size: 0.875em;
    color: var(--_muted);
  }
  select,
  input {
    font: inherit;
    font-size: 1rem;
    color: var(--_text);
    min-width: 10rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='controls'] button,
  [part~='pager'] button {
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_accent);
  }
  [aria-disabled='true'] {
    opacity: 0.45;
    cursor: default;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part~='badge'] {
    padding: 0 0.5em;
    border-radius: var(--_radius);
    background: var(--ect-unofficial, #b54708);
    color: #fff;
    font-weight: 600;
  }
  [part~='summary'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap) calc(var(--_gap) * 3);
    margin: var(--_gap) 0;
  }
  dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  [part~='progress'] {
    display: block;
    width: 8rem;
    height: 0.5rem;
    accent-color: var(--_accent);
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: var(--_gap) 0;
  }
  th,
  td {
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: middle;
  }
  thead th {
    font-size: 0.875em;
    color: var(--_muted);
    white-space: nowrap;
  }
  tbody th {
    font-weight: 400;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  [part~='sort'] {
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font-weight: 600;
  }
  /* A triangle from borders: no generated text for screen readers to read. */
  [part~='sort']::after {
    content: '';
    display: inline-block;
    margin-inline-start: 0.3em;
    border: 0.3em solid transparent;
    border-bottom-color: currentColor;
    opacity: 0.3;
  }
  [aria-sort] [part~='sort'] {
    color: var(--_accent);
  }
  [aria-sort] [part~='sort']::after {
    opacity: 1;
  }
  [aria-sort='descending'] [part~='sort']::after {
    border-bottom-color: transparent;
    border-top-color: currentColor;
    vertical-align: -0.3em;
  }
  /* --c (party colour) and --s (share) are set on each row through the CSSOM. */
  [part~='swatch'] {
    display: inline-block;
    width: 0.75em;
    height: 0.75em;
    margin-inline-end: 0.4em;
    border-radius: 2px;
    background: var(--c);
  }
  [part~='bar'] {
    display: block;
    min-width: 4rem;
    height: 0.375rem;
    border-radius: 3px;
    background: linear-gradient(to right, var(--c, var(--_accent)) var(--s, 0), var(--_border) 0);
  }
  [part~='elected'] th {
    font-weight: 600;
  }
  [part~='mark'] {
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_accent);
  }
  [part~='elected'] [part~='mark'] {
    color: var(--ect-elected, #067647);
  }
  [part~='elected'] [part~='mark']::before {
    content: '✓ ' / '';
  }
  [part~='changed'] {
    animation: ect-flash 3s ease-out;
  }
  @keyframes ect-flash {
    from {
      background: var(--ect-highlight, color-mix(in srgb, var(--_accent) 20%, transparent));
    }
  }
  [part~='pager'] {
    display: flex;
    align-items: center;
    justify-content: end;
    gap: var(--_gap);
    margin-top: var(--_gap);
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='changed'] {
      animation: none;
      background: var(--ect-highlight, color-mix(in srgb, var(--_accent) 20%, transparent));
    }
  }
  /* Narrow containers: each candidate a card; the sortable headers stay as a row of buttons. */
  @container (max-width: 34rem) {
    table,
    tbody,
    tr,
    td,
    th,
    caption {
      display: block;
    }
    thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_gap);
    }
    thead th {
      border: 0;
      padding: 0 0 var(--_gap);
    }
    .plain {
      display: none;
    }
    tbody tr {
      margin-bottom: var(--_gap);
      padding: var(--_gap);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    tbody td,
    tbody th {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: var(--_gap);
      padding: 0.125rem 0;
      border: 0;
    }
    tbody td::before,
    tbody th::before {
      content: attr(data-label);
      color: var(--_muted);
      font-size: 0.875em;
      font-weight: 400;
    }
    td:empty,
    [part~='bar'] {
      display: none;
    }
  }
  @media print {
    [part~='controls'],
    [part~='pager'],
    [part~='retry'] {
      display: none;
    }
    tr {
      break-inside: avoid;
    }
    [part~='swatch'],
    [part~='bar'],
    [part~='badge'] {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    [part~='changed'] {
      animation: none;
      background: none;
    }
  }
`;
