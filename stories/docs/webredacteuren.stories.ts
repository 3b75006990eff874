import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/index.js';

/**
 * What a web editor pastes, as it behaves on a page: the compatibility form for a CMS that strips
 * unknown tags, and the fallback text when the form cannot be loaded. The page that explains them
 * is webredacteuren.mdx.
 */
const meta: Meta = {
  title: 'Ouderstem/Voor webredacteuren',
  tags: ['!autodocs'],
};
export default meta;

type Story = StoryObj;

/** `<div data-ouderstem="peiling">` becomes the widget; the div and its classes stay. */
export const Compatibiliteitsvorm: Story = {
  render: (_args, context) => html`<div
    data-ouderstem="peiling"
    data-src="fixtures/peiling-short.json"
    data-lang=${context.globals.lang}
    data-storage="none"
    data-privacy-url="https://www.example.org/privacy"
  >
    <p>Lukt het invullen hier niet? Doe mee op <a href="https://www.example.org/peiling">deze pagina</a>.</p>
  </div>`,
};

/** The form cannot be loaded (here: no such file). The web editor's own sentence shows again. */
export const TerugvaltekstAlsHetNietLukt: Story = {
  render: (_args, context) => html`<ouder-peiling lang=${context.globals.lang} src="fixtures/bestaat-niet.json">
    <p>Lukt het invullen hier niet? Doe mee op <a href="https://www.example.org/peiling">deze pagina</a> of mail
      <a href="mailto:ouders@example.org">ouders@example.org</a>.</p>
  </ouder-peiling>`,
};
