import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

/**
 * The documentation of every widget comes from the Custom Elements Manifest (`npm run manifest`,
 * generated from the source's JSDoc): attributes, properties, events, parts and custom
 * properties. Only the public API: private and protected members are left out.
 */
setCustomElementsManifest({
  ...manifest,
  modules: manifest.modules.map((module) => ({
    ...module,
    declarations: module.declarations?.map((declaration) =>
      'members' in declaration
        ? { ...declaration, members: declaration.members?.filter((member) => !('privacy' in member) || member.privacy === 'public') }
        : declaration,
    ),
  })),
});

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
    options: { storySort: { order: ['Ouderstem', ['Voor webredacteuren', 'Thema en NL Design System'], 'Widgets'] } },
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
          { value: 'tr', title: 'Türkçe' },
          { value: 'pl', title: 'Polski' },
          { value: 'uk', title: 'Українська' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'nl' },
};

export default preview;
