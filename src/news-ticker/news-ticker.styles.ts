import { css } from 'lit';

export const styles = css`
  [part~='base'] {
    display: flex;
    min-height: 2.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='label'] {
    flex: none;
    display: flex;
    align-items: center;
    padding: 0 calc(var(--_gap) * 1.5);
    border-radius: var(--_radius) 0 0 var(--_radius);
    background: var(--_accent);
    color: var(--ect-label-text, #fff);
    font-weight: 600;
    white-space: nowrap;
  }
  .pending {
    flex: 1;
    min-width: 0;
    align-self: center;
    padding: 0 var(--_gap);
  }
  .viewport {
    flex: 1;
    min-width: 0;
    display: flex;
    align-items: center;
    /* clip, not hidden: focusing a link must never scroll the viewport under the animation. */
    overflow: clip;
    padding-block: 0.375rem;
  }
  .track {
    display: flex;
    width: max-content;
    will-change: transform;
  }
  .list {
    display: flex;
    flex: none;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='item'] {
    position: relative;
    flex: none;
    padding-inline-start: 1.75em;
    white-space: nowrap;
  }
  [part~='item']::before {
    content: '';
    position: absolute;
    inset-inline-start: 0.7em;
    top: 50%;
    width: 0.35em;
    height: 0.35em;
    margin-top: -0.175em;
    border-radius: 50%;
    background: var(--_muted);
  }
  [part~='title'] {
    text-decoration: none;
  }
  a[part~='title']:hover {
    text-decoration: underline;
  }
  [part~='date'] {
    margin-inline-start: 0.25em;
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* The same badge shape as the announcement list's, on purpose; its colour is its own. */
  [part~='badge'] {
    display: inline-block;
    padding: 0 0.4em;
    border-radius: var(--_radius);
    background: var(--ect-urgent, #b42318);
    color: #fff;
    font-size: 0.75em;
    font-weight: 600;
    vertical-align: middle;
  }
  button {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0 0.75em;
    border: 0;
    border-inline-start: 1px solid var(--_border);
    background: transparent;
    color: var(--_accent);
  }
  button:focus-visible {
    outline-offset: -4px;
  }
  button svg {
    flex: none;
    fill: currentColor;
  }
  [part~='pause'][aria-pressed='true'] {
    border-radius: 0 var(--_radius) var(--_radius) 0;
    background: var(--_accent);
    color: var(--ect-label-text, #fff);
  }
  .stepper {
    flex: none;
    display: flex;
    align-items: stretch;
  }
  [part~='position'] {
    align-self: center;
    padding: 0 0.25em;
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .stepper button + * {
    border-inline-start: 0;
  }
  .reduced .track {
    width: 100%;
  }
  .reduced .list {
    flex: 1;
    min-width: 0;
  }
  .reduced [part~='item'] {
    flex: 1;
    white-space: normal;
  }
  .reduced [part~='item']::before {
    top: 0.75em;
  }
  @media screen {
    .reduced [part~='item']:not([part~='current']) {
      display: none;
    }
  }
  @container (max-width: 30rem) {
    .button-text {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
  @media print {
    [part~='base'] {
      display: block;
      border: 0;
    }
    [part~='label'] {
      display: block;
      padding: 0;
      background: none;
      color: inherit;
    }
    .viewport {
      display: block;
      overflow: visible;
    }
    .track {
      width: auto;
      transform: none !important;
    }
    .list {
      display: block;
    }
    [part~='item'] {
      white-space: normal;
    }
    .list[aria-hidden],
    button,
    .stepper {
      display: none;
    }
  }
`;
