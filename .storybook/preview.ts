import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
  globalTypes: {
    lang: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Taal',
        icon: 'globe',
        items: [
          { value: 'nl', title: 'Nederlands' },
          { value: 'en', title: 'English' },
          { value: 'ar', title: 'العربية (rtl)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'nl' },
};

export default preview;
