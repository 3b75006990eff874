import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/terugkoppeling/index.js';
import demo from '../test/fixtures/terugkoppeling.json';
// The loading state uses a request that never answers (helpers.ts); everything else `.definition`.
import { languageArg, pendingUrl } from './helpers.js';

interface Args {
  /** Unset: the Storybook toolbar's language. */
  lang?: 'nl' | 'en' | 'ar';
  /** The terugkoppeling document (schemas/terugkoppeling.schema.json). */
  definition?: unknown;
  /** Only this form's outcome. */
  form?: string;
  src?: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/ouder-terugkoppeling',
  component: 'ouder-terugkoppeling',
  argTypes: {
    lang: languageArg,
    definition: { control: 'object' },
    form: { control: 'text' },
    src: { control: 'text' },
  },
  args: { definition: demo },
  render: (args, context) => html`<ouder-terugkoppeling
    lang=${args.lang ?? context.globals.lang}
    src=${args.src ?? ''}
    form=${args.form ?? ''}
    .definition=${args.src ? undefined : args.definition}
    ><p>Lees op onze site wat we met jullie inbreng doen.</p></ouder-terugkoppeling
  >`,
};
export default meta;

type Story = StoryObj<Args>;

const [poll, signups] = demo.outcomes;

export const EveryOutcome: Story = {};
export const OneForm: Story = { args: { form: 'ouderbetrokkenheid-2027' } };
export const Heard: Story = { args: { definition: { ...demo, outcomes: [{ ...signups, status: 'gehoord' }] } } };
export const InProgress: Story = { args: { definition: { ...demo, outcomes: [signups] } } };
export const DecidedWithResults: Story = { args: { definition: { ...demo, outcomes: [poll] } } };
export const WithoutResultsOrLink: Story = { args: { definition: { ...demo, outcomes: [{ ...poll, results: undefined, url: undefined }] } } };
export const NothingPublishedYet: Story = { args: { definition: { type: 'terugkoppeling', outcomes: [] } } };
export const Loading: Story = { args: { src: pendingUrl } };
export const LoadFailed: Story = { args: { src: '/stories/terugkoppeling/does-not-exist.json' } };
export const Invalid: Story = { args: { definition: { type: 'terugkoppeling', outcomes: [{ formId: 'x', status: 'misschien' }] } } };
export const English: Story = { args: { lang: 'en' } };
export const Arabic: Story = { args: { lang: 'ar' } };
