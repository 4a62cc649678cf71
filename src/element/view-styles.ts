import { css } from 'lit';

/**
 * What every view's styles start with (after the host's, styles.ts): box sizing, links, a
 * focus ring, buttons, visually hidden text, and the loading / error / empty / stale blocks of
 * status.ts. Each view lists it first among its `styles`.
 */
export const viewStyles = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  [part~='status'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
    padding: var(--_gap) 0;
    color: var(--_muted);
  }
  [part~='loading'] {
    display: block;
  }
  .skeleton:nth-child(3n + 2) {
    width: 85%;
  }
  .skeleton:nth-child(3n + 3) {
    width: 60%;
  }
  [part~='error'] {
    color: var(--ect-error, #b42318);
  }
  [part~='stale'] {
    font-size: 0.875em;
  }
  [part~='retry'] {
    padding: 0.125rem 0.75rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
  }
  .skeleton {
    display: block;
    height: 0.9em;
    margin: 0.6em 0;
    border-radius: var(--_radius);
    background: var(--_border);
    animation: ect-pulse 1.4s ease-in-out infinite;
  }
  @keyframes ect-pulse {
    50% {
      opacity: 0.4;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
