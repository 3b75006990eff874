import type { Language } from '../src/core/i18n/index.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeGemeenten, fakeNetworks } from '../scripts/netwerkkaart-testdata.mjs';
import '../src/netwerkkaart/index.js';
import type { OuderNetwerkkaart } from '../src/netwerkkaart/ouder-netwerkkaart.js';
import { outline, projection } from '../src/netwerkkaart/outline.js';
import broken from '../test/fixtures/netwerkkaart-malformed.json';
import demoRegions from '../test/fixtures/netwerkkaart-regions.json';
import demo from '../test/fixtures/netwerkkaart.json';
// The loading state uses a request that never answers (helpers.ts); everything else `.definition`.
import { languageArg, pendingUrl } from './helpers.js';

const gemeenten = fakeGemeenten({ outline, projection });
const manyNetworks = fakeNetworks(gemeenten);

type Action = 'none' | 'type' | 'search' | 'filter' | 'group' | 'select';

interface Args {
  /** Unset: the Storybook toolbar's language. */
  lang?: Language;
  definition?: unknown;
  regions?: unknown;
  src?: string;
  regionsSrc?: string;
  /** What a parent does first, to show the state that follows. */
  action: Action;
  /** Typed into the search box (`type`, `search`), the type to filter on (`filter`), or the network to select (`select`). */
  value: string;
}

async function act(el: OuderNetwerkkaart, action: Action, value: string): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const root = el.shadowRoot!;
  if (action === 'type' || action === 'search') {
    const input = root.querySelector<HTMLInputElement>('#place')!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    if (action === 'search') root.querySelector('form')!.requestSubmit();
  } else if (action === 'filter') {
    const select = root.querySelector<HTMLSelectElement>('#filter')!;
    select.value = value;
    select.dispatchEvent(new Event('change'));
  } else if (action === 'group') {
    await el.updateComplete;
    root.querySelector('.marker[aria-label*=":"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  } else if (action === 'select') {
    const item = [...root.querySelectorAll('.list .network')].find((li) => li.querySelector('h3')!.textContent!.trim() === value);
    item?.querySelector('button')?.click();
  }
}

const meta: Meta<Args> = {
  title: 'Widgets/ouder-netwerkkaart',
  component: 'ouder-netwerkkaart',
  argTypes: {
    lang: languageArg,
    definition: { control: 'object' },
    regions: { control: 'object' },
    src: { control: 'text' },
    regionsSrc: { control: 'text' },
    action: { control: { type: 'select' }, options: ['none', 'type', 'search', 'filter', 'group', 'select'] },
    value: { control: 'text' },
  },
  args: { definition: demo, action: 'none', value: '' },
  render: (args, context) => html`<ouder-netwerkkaart
    lang=${args.lang ?? context.globals.lang}
    src=${args.src ?? ''}
    regions-src=${args.regionsSrc ?? ''}
    .definition=${args.src ? undefined : args.definition}
    .regions=${args.regions}
    @ouder-ready=${(event: Event) => act(event.target as OuderNetwerkkaart, args.action, args.value)}
  ></ouder-netwerkkaart>`,
};
export default meta;

type Story = StoryObj<Args>;

export const ListAndMap: Story = {};
export const WithRegions: Story = { args: { regions: demoRegions } };
export const ManyNetworksAndGemeenten: Story = { args: { definition: manyNetworks, regions: gemeenten } };
export const Suggestions: Story = { args: { action: 'type', value: 'del' } };
export const Found: Story = { args: { action: 'search', value: 'Rijswijk' } };
export const FoundByOtherName: Story = { args: { action: 'search', value: 'Sudwest Fryslan' } };
export const NoNetworkYet: Story = { args: { regions: demoRegions, action: 'search', value: 'Pijnacker-Nootdorp' } };
export const UnknownPlace: Story = { args: { action: 'search', value: 'Atlantis' } };
export const Filtered: Story = { args: { action: 'filter', value: 'oudersteunpunt' } };
export const GroupedMarkers: Story = { args: { action: 'group' } };
export const Selected: Story = { args: { action: 'select', value: 'Ervaringsdeskundigen Twente' } };
export const MalformedData: Story = {
  args: {
    definition: broken,
    regions: { type: 'FeatureCollection', features: [{ properties: {}, geometry: { type: 'Point', coordinates: [5, 52] } }] },
  },
};
export const NoNetworks: Story = { args: { definition: { networks: [] } } };
export const Loading: Story = { args: { src: pendingUrl } };
export const LoadFailed: Story = { args: { src: '/stories/netwerkkaart/does-not-exist.json' } };
export const RegionsFailed: Story = { args: { regionsSrc: '/stories/netwerkkaart/does-not-exist.json' } };
export const Invalid: Story = { args: { definition: { netwerken: [] } } };
export const English: Story = { args: { lang: 'en', regions: demoRegions, action: 'search', value: 'The Hague' } };
export const Arabic: Story = { args: { lang: 'ar', regions: demoRegions, action: 'search', value: 'Den Haag' } };
export const ArabicGroup: Story = { args: { lang: 'ar', action: 'group' } };
