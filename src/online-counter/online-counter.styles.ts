import { css } from 'lit';

// Inline boxes rather than flex, so the page's text-align (a centred footer) applies.
export const styles = css`
  [part~='base'] {
    font-variant-numeric: tabular-nums;
  }
  [part~='online'],
  [part~='stats'],
  [part~='stat'],
  [part~='note'] {
    display: inline-block;
    margin: 0;
  }
  [part~='online'],
  [part~='stat'],
  [part~='note'] {
    margin-inline-end: calc(var(--_gap) * 2);
  }
  [part~='stat'] > * {
    display: inline;
    margin: 0;
  }
  [part~='label'] {
    color: var(--_muted);
  }
  [part~='count'] {
    display: inline-block;
    font-weight: 600;
  }
  [part~='stale'],
  [part~='note'] {
    color: var(--_muted);
  }
  [part~='note'] {
    font-size: 0.875em;
  }
  [part~='loading'] {
    width: 2.5ch;
    height: 0.9em;
    vertical-align: -0.1em;
    border-radius: var(--_radius);
    background: var(--_border);
  }
  @media (prefers-reduced-motion: no-preference) {
    [part~='loading'] {
      animation: ect-pulse 1.4s ease-in-out infinite;
    }
    .changed {
      animation: ect-count 0.45s ease-out;
    }
  }
  @keyframes ect-count {
    from {
      opacity: 0.2;
      transform: translateY(-0.35em);
    }
  }
`;
