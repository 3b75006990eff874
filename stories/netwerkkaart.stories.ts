import type { Language } from '../src/core/i18n/index.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import gebieden from '../data/gebieden-2025.json';
import { exampleNetworks } from '../scripts/netwerkkaart-testdata.mjs';
import '../src/netwerkkaart/index.js';
import type { OuderNetwerkkaart } from '../src/netwerkkaart/ouder-netwerkkaart.js';
import broken from '../test/fixtures/netwerkkaart-malformed.json';
import demoRegions from '../test/fixtures/netwerkkaart-regions.json';
import demo from '../test/fixtures/netwerkkaart.json';
// The loading state uses a request that never answers (helpers.ts); everything else `.definition`.
import { languageArg, pendingUrl } from './helpers.js';

const manyNetworks = exampleNetworks(gebieden);
/** The demo networks and one that serves jeugdregio Haaglanden by code. */
const withHaaglanden = {
  ...demo,
  networks: [
    ...demo.networks,
    {
      id: 'jeugd-haaglanden',
      name: 'Jeugdnetwerk Haaglanden',
      type: 'oudersraad',
      areas: ['JZ24'],
      location: { lat: 52.03, lon: 4.42 },
      website: 'https://example.org/jeugdnetwerk-haaglanden',
    },
  ],
};

type Action = 'none' | 'type' | 'search' | 'filter' | 'group' | 'select' | 'area';

interface Args {
  /** Unset: the Storybook toolbar's language. */
  lang?: Language;
  definition?: unknown;
  regions?: unknown;
  src?: string;
  regionsSrc?: string;
  /** What a parent does first, to show the state that follows. */
  action: Action;
  /** Typed into the search box (`type`, `search`), the type to filter on (`filter`), the network to select (`select`), or the area to choose under the map (`area`). */
  value: string;
}

async function act(el: OuderNetwerkkaart, action: Action, value: string): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const root = el.shadowRoot!;
  if (action === 'type' || action === 'search') {
    // What the search knows arrives beside the networks: wait for it, as a parent who types a little later would.
    for (let tries = 0; tries < 100 && !el.places.gazetteer; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
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
  } else if (action === 'area') {
    // The boundaries and the gazetteer arrive after the networks.
    for (let tries = 0; tries < 100 && !root.querySelector('#area'); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    const select = root.querySelector<HTMLSelectElement>('#area')!;
    select.value = [...select.options].find((option) => option.textContent!.trim() === value)?.value ?? '';
    select.dispatchEvent(new Event('change'));
  }
}

const meta: Meta<Args> = {
  title: 'Widgets/ouder-netwerkkaart',
  component: 'ouder-netwerkkaart',
  argTypes: {
    lang: languageArg,
    definition: { control: 'object' },
    regions: { control: 'text', description: '`gemeente`, `jeugdregio`, `provincie` or `ggd` (the shipped CBS data), or boundaries as an object' },
    src: { control: 'text' },
    regionsSrc: { control: 'text' },
    action: { control: { type: 'select' }, options: ['none', 'type', 'search', 'filter', 'group', 'select', 'area'] },
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
export const Jeugdregios: Story = { args: { regions: 'jeugdregio' } };
export const AllGemeenten: Story = { args: { regions: 'gemeente' } };
export const Provincies: Story = { args: { regions: 'provincie' } };
export const GgdRegions: Story = { args: { regions: 'ggd' } };
export const OwnBoundariesFile: Story = { args: { regions: demoRegions } };
export const ManyNetworksAndGemeenten: Story = { args: { definition: manyNetworks, regions: 'gemeente' } };
export const Suggestions: Story = { args: { action: 'type', value: 'del' } };
export const Found: Story = { args: { action: 'search', value: 'Rijswijk' } };
export const FoundByOtherName: Story = { args: { action: 'search', value: 'Sudwest Fryslan' } };
/** "Zoetermeer hoort bij jeugdregio Haaglanden", the region highlighted and zoomed to. */
export const ThroughItsJeugdregio: Story = { args: { definition: withHaaglanden, regions: 'jeugdregio', action: 'search', value: 'Zoetermeer' } };
export const WhichBergen: Story = { args: { action: 'search', value: 'Bergen' } };
export const Postcode: Story = { args: { action: 'search', value: '2511' } };
export const FormerGemeente: Story = { args: { action: 'search', value: 'Haarlemmerliede' } };
export const NoNetworkYet: Story = { args: { regions: 'jeugdregio', action: 'search', value: 'Pijnacker-Nootdorp' } };
export const UnknownPlace: Story = { args: { action: 'search', value: 'Atlantis' } };
export const AreaChosen: Story = { args: { definition: withHaaglanden, regions: 'jeugdregio', action: 'area', value: 'Haaglanden' } };
export const Filtered: Story = { args: { action: 'filter', value: 'oudersteunpunt' } };
export const GroupedMarkers: Story = { args: { action: 'group' } };
export const Selected: Story = { args: { regions: 'jeugdregio', action: 'select', value: 'Ervaringsdeskundigen Twente' } };
/** The networks that could be read; what could not is on the console only. */
export const MalformedData: Story = {
  args: {
    definition: broken,
    regions: { type: 'FeatureCollection', features: [{ properties: {}, geometry: { type: 'Point', coordinates: [5, 52] } }] },
  },
};
export const NothingToShow: Story = { args: { definition: { networks: [{ id: 'zonder-naam' }] } } };
export const Loading: Story = { args: { src: pendingUrl } };
export const LoadFailed: Story = { args: { src: '/stories/netwerkkaart/does-not-exist.json' } };
export const RegionsFailed: Story = { args: { regionsSrc: '/stories/netwerkkaart/does-not-exist.json' } };
export const Invalid: Story = { args: { definition: { netwerken: [] } } };
export const English: Story = { args: { lang: 'en', definition: withHaaglanden, regions: 'jeugdregio', action: 'search', value: 'Zoetermeer' } };
export const Arabic: Story = { args: { lang: 'ar', regions: 'jeugdregio', action: 'search', value: 'Den Haag' } };
export const ArabicGroup: Story = { args: { lang: 'ar', action: 'group' } };
