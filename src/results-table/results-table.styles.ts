import { css } from 'lit';

export const styles = css`
  [part~='controls'],
  .meta,
  [part~='summary'],
  [part~='pager'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_gap);
    margin: 0 0 var(--_gap);
  }
  label,
  dt,
  .meta,
  thead th {
    color: var(--_muted);
    font-size: 0.875em;
  }
  label {
    display: flex;
    flex-direction: column;
  }
  select,
  input,
  [part~='controls'] button,
  [part~='pager'] button {
    color: var(--_accent);
    padding: 0.25rem 0.75rem;
    border: 1px solid;
    border-radius: var(--_radius);
    background: none;
  }
  select,
  input {
    font: inherit;
    font-size: 1rem;
    color: var(--_text);
    border-color: var(--_border);
  }
  [aria-disabled='true'] {
    opacity: 0.45;
  }
  [part~='badge'] {
    padding: 0 0.5em;
    border-radius: var(--_radius);
    background: var(--ect-unofficial, #b54708);
    color: #fff;
    font-weight: 600;
  }
  [part~='summary'] {
    column-gap: calc(var(--_gap) * 3);
  }
  [part~='paused'] {
    background: var(--ect-error, #b42318);
  }
  [part~='areas'],
  .area {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .area {
    display: block;
    font-weight: normal;
  }
  [part~='notice'] {
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 0.875em;
  }
  [part~='notice'] p,
  [part~='notice'] ul {
    margin: 0;
  }
  dd {
    margin: 0;
    font-weight: 600;
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
  }
  thead th {
    font-weight: 600;
    white-space: nowrap;
  }
  tbody th {
    font-weight: 400;
  }
  .num,
  thead th:is(:nth-child(-n + 2), :nth-child(5), :nth-child(6)) {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  [part~='sort'] {
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font-weight: inherit;
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
    border-color: currentColor transparent transparent;
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
  [part~='mark'] {
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_accent);
  }
  [part~='elected'] th {
    font-weight: 600;
  }
  [part~='elected'] [part~='mark'] {
    color: var(--ect-elected, #067647);
  }
  [part~='elected'] [part~='mark']::before {
    content: '✓ ' / '';
  }
  [part~='changed'] {
    --_flash: var(--ect-highlight, color-mix(in srgb, var(--_accent) 20%, transparent));
    animation: ect-flash 3s ease-out;
  }
  @keyframes ect-flash {
    from {
      background: var(--_flash);
    }
  }
  [part~='pager'] {
    align-items: center;
    justify-content: end;
    margin: var(--_gap) 0 0;
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='changed'] {
      animation: none;
      background: var(--_flash);
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
    .plain,
    td:empty,
    [part~='bar'] {
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
      align-items: center;
      gap: var(--_gap);
      padding: 0.125rem 0;
      border: 0;
    }
    tbody td::before,
    tbody th::before {
      content: attr(data-label);
      margin-inline-end: auto;
      color: var(--_muted);
      font-size: 0.875em;
      font-weight: 400;
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
    }
    [part~='changed'] {
      animation: none;
      background: none;
    }
  }
`;
