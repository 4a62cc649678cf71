import { css } from 'lit';

/**
 * What every element's shadow root starts with: the page's font and the theme properties with
 * their defaults. What only its view's markup needs is in view-styles.ts, loaded with the view.
 */
export const hostStyles = css`
  :host {
    --_accent: var(--ect-accent, #1d4f91);
    --_text: var(--ect-text, currentColor);
    --_muted: var(--ect-muted, color-mix(in srgb, currentColor 65%, transparent));
    --_border: var(--ect-border, color-mix(in srgb, currentColor 18%, transparent));
    --_surface: var(--ect-surface, transparent);
    --_radius: var(--ect-radius, 6px);
    --_gap: var(--ect-gap, 0.5rem);
    display: block;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    line-height: 1.5;
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
`;
