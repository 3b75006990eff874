import type { Language } from '../src/core/i18n/index.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import '../src/ervaring/index.js';
import type { OuderErvaring } from '../src/ervaring/ouder-ervaring.js';
import definition from '../test/fixtures/ervaring.json';
import { answerPostsWith, languageArg, pendingUrl, type StoryAnswer, type PageChoices } from './helpers.js';


type Fill = 'none' | 'valid' | 'invalid' | 'contact';

interface Args extends PageChoices {
  /** Unset: the Storybook toolbar's language. */
  lang?: Language;
  definition: object;
  answer: StoryAnswer;
  /** What to fill in before sending: nothing (open form), a valid story, or one with mistakes. */
  fill: Fill;
  /** A draft left by an earlier visit, put back with "we hebben je concept bewaard". */
  draft: boolean;
  storage: string;
  /** After "Nog niet verstuurd", the connection comes back: "alsnog verstuurd". */
  backOnline?: boolean;
  /** After the draft is put back, the parent discards it. */
  discard?: boolean;
}

const withdrawal = { withdrawCode: 'K7QX-29MD', withdrawUrl: 'https://www.example.org/ervaring/intrekken/K7QX-29MD' };
const story =
  'Mijn zoon kreeg pas na een jaar wachten hulp. De school deed goed haar best, maar niemand wist wie er verantwoordelijk was.';

/** Each story gets its own form id, so one story's draft does not show up in another. */
function withId(id: string, extra: object = {}): object {
  return { ...definition, ...extra, id };
}

async function fillIn(el: OuderErvaring, fill: Fill): Promise<void> {
  if (fill === 'none') return;
  await el.updateComplete;
  const root = el.shadowRoot!;
  const area = root.querySelector<HTMLTextAreaElement>('#story')!;
  area.value = fill === 'invalid' ? 'Te kort' : story;
  area.dispatchEvent(new Event('input'));
  if (fill !== 'invalid') {
    root.querySelector<HTMLInputElement>('#themes-1')!.click();
    root.querySelector<HTMLInputElement>('#consent-1')!.click();
  }
  if (fill === 'contact' || fill === 'invalid') {
    root.querySelector<HTMLInputElement>('#contact-1')!.click();
    await el.updateComplete;
    const email = root.querySelector<HTMLInputElement>('#email')!;
    email.value = fill === 'invalid' ? 'ouder@' : 'ouder@example.nl';
    email.dispatchEvent(new Event('input'));
    if (fill === 'contact') return;
  }
  await el.updateComplete;
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

const meta: Meta<Args> = {
  title: 'Widgets/ouder-ervaring',
  component: 'ouder-ervaring',
  argTypes: {
    lang: languageArg,
    definition: { control: 'object' },
    answer: { control: 'object', description: 'How the simulated server answers a POST' },
    fill: { control: { type: 'inline-radio' }, options: ['none', 'valid', 'invalid', 'contact'] },
    draft: { control: 'boolean' },
    storage: { control: { type: 'inline-radio' }, options: ['', 'none'] },
  },
  args: { definition: withId('story-open'), answer: { status: 201, body: withdrawal }, fill: 'none', draft: false, storage: '' },
  render: (args, context) => {
    answerPostsWith(args.answer);
    const formId = (args.definition as { id: string }).id;
    const key = `ouderstem:draft:${formId}`;
    if (args.draft) sessionStorage.setItem(key, JSON.stringify({ story, themes: ['jeugdhulp', 'onderwijs'], region: 'zeist' }));
    else sessionStorage.removeItem(key);
    localStorage.removeItem('ouderstem:outbox');
    const lang = args.lang ?? context.globals.lang;
    return html`<ouder-ervaring
      lang=${lang}
      register=${ifDefined(args.register)}
      heading-level=${ifDefined(args.headingLevel)}
      endpoint="/api/forms/${formId}"
      privacy-url="https://www.example.org/privacy"
      storage=${args.storage}
      .definition=${args.definition}
      @ouder-ready=${async (event: Event) => {
        const el = event.target as OuderErvaring;
        await fillIn(el, args.fill);
        if (args.discard) {
          await el.updateComplete;
          el.shadowRoot!.querySelector<HTMLButtonElement>('.draft-notice button')?.click();
        }
      }}
      @ouder-queued=${() => {
        if (args.backOnline) {
          answerPostsWith(args.answer === 'network-error' ? { status: 201, body: withdrawal } : args.answer);
          setTimeout(() => dispatchEvent(new Event('online')), 100);
        }
      }}
    ></ouder-ervaring>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Open: Story = {};
export const English: Story = { args: { lang: 'en', definition: withId('story-en') } };
export const Arabic: Story = { args: { lang: 'ar', definition: withId('story-ar') } };
export const ContactDetailsRevealed: Story = { args: { definition: withId('story-contact'), fill: 'contact' } };
export const DraftRestored: Story = { args: { definition: withId('story-draft'), draft: true } };
export const DraftRestoredArabic: Story = { args: { lang: 'ar', definition: withId('story-draft-ar'), draft: true } };
export const Errors: Story = { args: { definition: withId('story-errors'), fill: 'invalid' } };
export const ErrorsEnglish: Story = { args: { lang: 'en', definition: withId('story-errors-en'), fill: 'invalid' } };
export const Sending: Story = { args: { definition: withId('story-sending'), answer: 'pending', fill: 'valid' } };
export const ThankYouWithWithdrawalCode: Story = { args: { definition: withId('story-thanks'), fill: 'valid' } };
export const ThankYouEnglish: Story = { args: { lang: 'en', definition: withId('story-thanks-en'), fill: 'valid' } };
export const ThankYouArabic: Story = { args: { lang: 'ar', definition: withId('story-thanks-ar'), fill: 'valid' } };
export const QueuedOffline: Story = { args: { definition: withId('story-queued'), answer: 'network-error', fill: 'valid' } };
export const QueuedOfflineArabic: Story = {
  args: { lang: 'ar', definition: withId('story-queued-ar'), answer: 'network-error', fill: 'valid' },
};
export const ServerFieldErrors: Story = {
  args: {
    definition: withId('story-422'),
    fill: 'valid',
    answer: { status: 422, body: { errors: [{ field: 'story', code: 'too-long', message: 'Je verhaal is te lang voor de server.' }] } },
  },
};
export const SendingFailed: Story = { args: { definition: withId('story-400'), fill: 'valid', answer: { status: 400 } } };
/** As on a gemeente's page: "u", the title one level below the page's own h2, and the errors in the u-form. */
export const FormalWithErrors: Story = { args: { definition: withId('story-formal'), fill: 'invalid', register: 'u', headingLevel: '3' } };
export const DefinitionConsentOptions: Story = {
  args: {
    definition: withId('story-consent', {
      retentionDays: undefined,
      prompts: undefined,
      consentOptions: [
        { value: 'team', label: 'Alleen voor het team van de oudervereniging' },
        { value: 'rapport', label: 'Anoniem in ons jaarverslag' },
      ],
    }),
  },
};
export const NoStorage: Story = { args: { definition: withId('story-no-storage'), storage: 'none' } };
export const InvalidDefinition: Story = { args: { definition: { ...definition, id: 'story-invalid', themes: [] } } };

export const Loading: Story = {
  render: (args, context) => html`<ouder-ervaring lang=${args.lang ?? context.globals.lang} src=${pendingUrl}></ouder-ervaring>`,
};
export const TooLong: Story = { args: { definition: withId('story-too-long', { minLength: 10, maxLength: 60 }), fill: 'valid' } };
export const DraftDiscarded: Story = { args: { definition: withId('story-discarded'), draft: true, discard: true } };
export const SentLater: Story = {
  args: { definition: withId('story-sent-later'), answer: 'network-error', fill: 'valid', backOnline: true },
};

/** A failed load comes from a real URL that does not exist. */
export const LoadFailed: Story = {
  render: (args, context) => html`<ouder-ervaring lang=${args.lang ?? context.globals.lang} src="/does-not-exist/ervaring.json"></ouder-ervaring>`,
};
