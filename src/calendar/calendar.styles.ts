import { css } from 'lit';

export const styles = css`
  :host {
    --_today: var(--ect-today, color-mix(in srgb, var(--_accent) 14%, transparent));
  }
  [part~='categories'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-bottom: 2px solid var(--_border);
    margin-bottom: var(--_gap);
  }
  [part~='category'] {
    padding: 0.25rem 0.75rem;
    border-bottom: 3px solid transparent;
    margin-bottom: -2px;
    cursor: pointer;
  }
  [part~='category'][part~='selected'] {
    border-bottom-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  [part~='category']:has(:focus-visible) {
    outline: 2px solid var(--_accent);
  }
  [part~='header'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_gap);
    margin-bottom: calc(var(--_gap) / 2);
  }
  [part~='heading'] {
    font-weight: 600;
    text-align: center;
  }
  [part~='nav'] {
    min-width: 2.25rem;
    min-height: 2.25rem;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_accent);
    font-size: 1.25em;
    line-height: 1;
  }
  [part~='nav']:hover {
    background: var(--_today);
  }
  [part~='grid'] {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  [part~='weekday'] {
    padding: 0.125rem 0;
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
  }
  td {
    padding: 1px;
    vertical-align: top;
  }
  [part~='day'] {
    display: flex;
    flex-direction: column;
    align-items: center;
    width: 100%;
    min-height: 2.25rem;
    padding: 0.25rem 0.125rem;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    line-height: 1.25;
  }
  [part~='day']:hover {
    background: var(--_border);
  }
  [part~='outside'] {
    color: var(--_muted);
  }
  [part~='today'] {
    background: var(--_today);
    font-weight: 700;
  }
  [part~='day'][part~='selected'] {
    background: var(--_accent);
    color: #fff;
  }
  [part~='marker'] {
    width: 0.375rem;
    height: 0.375rem;
    margin-top: 0.125rem;
    border-radius: 50%;
    background: var(--_accent);
  }
  [part~='selected'] [part~='marker'] {
    background: currentColor;
  }
  [part~='titles'] {
    display: none;
  }
  [part~='events'] {
    margin: var(--_gap) 0 0;
    padding: 0;
    border-top: 1px solid var(--_border);
  }
  ol[part~='events'] {
    list-style: none;
  }
  [part~='date'] {
    margin: var(--_gap) 0 0;
    font-weight: 600;
  }
  [part~='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='event'] {
    display: flex;
    flex-direction: column;
    padding: calc(var(--_gap) / 2) 0;
    border-bottom: 1px solid var(--_border);
  }
  [part~='event']:last-child {
    border-bottom: 0;
  }
  [part~='time'],
  [part~='location'] {
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part~='title'] {
    overflow-wrap: anywhere;
  }
  [part~='add'] {
    align-self: flex-start;
    justify-self: start;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-size: 0.875em;
    text-decoration: underline;
  }
  .more {
    margin: var(--_gap) 0 0;
    text-align: end;
  }
  @container (min-width: 40rem) {
    td {
      padding: 0;
      border: 1px solid var(--_border);
    }
    [part~='weekday'] {
      padding-inline: 0.375rem;
      text-align: start;
    }
    [part~='day'] {
      align-items: stretch;
      min-height: 5.5rem;
      border-radius: 0;
      text-align: start;
    }
    td {
      position: relative;
    }
    [part~='marker'] {
      display: none;
    }
    [part~='titles'] {
      display: block;
      position: absolute;
      inset: 1.75rem 2px auto;
      pointer-events: none;
    }
    .title {
      display: block;
      margin-top: 2px;
      padding: 0 0.25rem;
      overflow: hidden;
      border-radius: 3px;
      background: var(--_today);
      font-size: 0.75em;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [aria-selected='true'] .title {
      background: color-mix(in srgb, #fff 85%, transparent);
      color: #000;
    }
    [part~='event'] {
      display: grid;
      grid-template-columns: 10rem 1fr;
      column-gap: var(--_gap);
    }
    [part~='event'] > :not([part~='time']) {
      grid-column: 2;
    }
  }
  @media print {
    [part~='nav'],
    [part~='add'],
    [part~='retry'] {
      display: none;
    }
  }
`;
