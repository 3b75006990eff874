import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/index.js';
import definition from '../../test/fixtures/peiling-short.json';
import './thema.css';

/** The same poll in three site themes; the theming page (thema.mdx) shows and explains them. */
const meta: Meta<{ theme: string }> = {
  title: 'Ouderstem/Thema en NL Design System',
  tags: ['!autodocs'],
  args: { theme: '' },
  render: ({ theme }, context) =>
    html`<div class=${theme}>
      <ouder-peiling lang=${context.globals.lang} storage="none" .definition=${{ ...definition, id: `thema-${theme || 'standaard'}` }}></ouder-peiling>
    </div>`,
};
export default meta;

type Story = StoryObj<{ theme: string }>;

/** No theme on the page: the widget's own defaults. */
export const Standaard: Story = {};
/** The page sets only NL Design System (Utrecht) tokens; the widget follows them. */
export const NLDesignSystemTokens: Story = { args: { theme: 'voorbeeldstad-huisstijl' } };
/** `--ouder-*` properties win over the tokens. */
export const EigenOuderstemKleuren: Story = { args: { theme: 'eigen-kleuren' } };
