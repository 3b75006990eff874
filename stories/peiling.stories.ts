import type { Language } from '../src/core/i18n/index.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import type { OuderPeiling } from '../src/peiling/ouder-peiling.js';
import longDefinition from '../test/fixtures/peiling-long.json';
import shortDefinition from '../test/fixtures/peiling-short.json';
import { answerPostsWith, languageArg, pendingUrl, type StoryAnswer, type PageChoices } from './helpers.js';


interface Args extends PageChoices {
  /** Unset: the Storybook toolbar's language. */
  lang?: Language;
  definition: object;
  answer: StoryAnswer;
  /** Fill in and send, to show what follows. */
  send: boolean;
  voted: boolean;
}

const tally = {
  total: 31,
  questions: {
    tevreden: { total: 31, counts: { ja: 20, nee: 7, other: 4 } },
    cijfer: { total: 29, counts: { '1': 2, '2': 3, '3': 6, '4': 11, '5': 7 } },
  },
};

/** Each story gets its own form id, so one story's vote does not show up in another. */
function withId(definition: object, id: string): object {
  return { ...definition, id };
}

async function fillAndSend(el: OuderPeiling): Promise<void> {
  await el.updateComplete;
  const root = el.shadowRoot!;
  root.querySelector<HTMLInputElement>('#q-tevreden-0')?.click();
  root.querySelector<HTMLInputElement>('#q-cijfer-3')?.click();
  await el.updateComplete;
  root.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
}

const meta: Meta<Args> = {
  title: 'Widgets/ouder-peiling',
  component: 'ouder-peiling',
  argTypes: {
    lang: languageArg,
    definition: { control: 'object' },
    answer: { control: 'object', description: 'How the simulated server answers a POST' },
    send: { control: 'boolean' },
    voted: { control: 'boolean' },
  },
  args: { definition: withId(shortDefinition, 'story-open'), answer: { status: 201, body: { tally } }, send: false, voted: false },
  render: (args, context) => {
    answerPostsWith(args.answer);
    const formId = (args.definition as { id: string }).id;
    const key = `ouderstem:peiling:${formId}`;
    if (args.voted) localStorage.setItem(key, JSON.stringify({ voterToken: 'story-voter-token-1234', voted: true }));
    else localStorage.removeItem(key);
    localStorage.removeItem('ouderstem:outbox');
    const lang = args.lang ?? context.globals.lang;
    return html`<ouder-peiling
      lang=${lang}
      register=${ifDefined(args.register)}
      heading-level=${ifDefined(args.headingLevel)}
      endpoint="/api/forms/${formId}"
      privacy-url="https://www.example.org/privacy"
      .definition=${args.definition}
      @ouder-ready=${(event: Event) => args.send && fillAndSend(event.target as OuderPeiling)}
      ><p>Lukt het invullen hier niet? Doe mee op <a href="https://www.example.org/peiling">deze pagina</a>.</p></ouder-peiling
    >`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Open: Story = {};
export const English: Story = { args: { lang: 'en', definition: withId(shortDefinition, 'story-en') } };
export const Arabic: Story = { args: { lang: 'ar', definition: withId(shortDefinition, 'story-ar') } };
export const StepByStepWithCode: Story = { args: { definition: withId(longDefinition, 'story-long') } };
export const StepByStepArabic: Story = { args: { lang: 'ar', definition: withId(longDefinition, 'story-long-ar') } };
export const Sending: Story = { args: { definition: withId(shortDefinition, 'story-sending'), answer: 'pending', send: true } };
export const ThankYouWithResults: Story = { args: { definition: withId(shortDefinition, 'story-thanks'), send: true } };
export const ThankYouWithResultsEnglish: Story = { args: { lang: 'en', definition: withId(shortDefinition, 'story-thanks-en'), send: true } };
export const ThankYouWithResultsArabic: Story = { args: { lang: 'ar', definition: withId(shortDefinition, 'story-thanks-ar'), send: true } };
export const QueuedOffline: Story = { args: { definition: withId(shortDefinition, 'story-queued'), answer: 'network-error', send: true } };
export const QueuedOfflineEnglish: Story = { args: { lang: 'en', definition: withId(shortDefinition, 'story-queued-en'), answer: 'network-error', send: true } };
export const ServerFieldErrors: Story = {
  args: {
    definition: withId(shortDefinition, 'story-422'),
    send: true,
    answer: { status: 422, body: { errors: [{ field: 'answers.cijfer', code: 'out-of-range', message: 'Kies een cijfer van 1 tot 5.' }] } },
  },
};
export const SendingFailed: Story = { args: { definition: withId(shortDefinition, 'story-400'), send: true, answer: { status: 400 } } };
/** A refusal the parent cannot fix (this site is not allowed): one plain sentence, the editor's fallback under it. */
export const NotAllowedHere: Story = {
  args: {
    definition: withId(shortDefinition, 'story-403'),
    send: true,
    answer: { status: 403, body: { errors: [{ code: 'origin-not-allowed', message: 'Deze website mag geen gegevens naar deze server sturen.' }] } },
  },
};
/** As on a gemeente's page: "u", and the title one level below the page's own h2. */
export const FormalOnAGemeentePage: Story = { args: { definition: withId(shortDefinition, 'story-formal'), register: 'u', headingLevel: '3' } };
export const AlreadyVoted: Story = { args: { definition: withId({ ...shortDefinition, tally }, 'story-voted'), voted: true } };
export const AlreadyVotedTooFewForResults: Story = {
  args: {
    definition: withId({ ...shortDefinition, tally: { total: 3, questions: {} } }, 'story-few'),
    voted: true,
  },
};
export const Closed: Story = {
  args: { definition: withId({ ...shortDefinition, closesAt: '2020-01-01T00:00:00Z', tally }, 'story-closed') },
};
export const ClosedArabic: Story = {
  args: { lang: 'ar', definition: withId({ ...shortDefinition, closesAt: '2020-01-01T00:00:00Z', tally }, 'story-closed-ar') },
};
export const InvalidDefinition: Story = {
  args: { definition: { ...shortDefinition, id: 'story-invalid', results: 'sometimes' } },
};

/** Loading and a failed load come from a real URL that answers slowly or not at all. */
export const Loading: Story = {
  render: (args, context) => html`<ouder-peiling lang=${args.lang ?? context.globals.lang} src=${pendingUrl}></ouder-peiling>`,
};
export const LoadFailed: Story = {
  render: (args, context) =>
    html`<ouder-peiling lang=${args.lang ?? context.globals.lang} src="/does-not-exist/peiling.json"></ouder-peiling>`,
};
