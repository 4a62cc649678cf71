import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import customElements from '../custom-elements.json';

// Controls, argTypes and the docs tables come from the JSDoc of the element classes.
setCustomElementsManifest(customElements);

const preview: Preview = {
  globalTypes: {
    lang: {
      description: 'Language of the page around the story (elements inherit it)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'th', title: 'ไทย (th)' },
          { value: 'en', title: 'English (en)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'th' },
  // The elements read `lang` from their closest ancestor, as on a real page.
  decorators: [(story, context) => html`<div lang=${context.globals.lang}>${story()}</div>`],
  parameters: {
    controls: { expanded: true },
    // Accessibility violations fail story tests.
    a11y: { test: 'error' },
  },
};

export default preview;
