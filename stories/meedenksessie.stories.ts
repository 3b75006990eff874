import type { Language } from '../src/core/i18n/index.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/meedenksessie/index.js';
import type { OuderMeedenksessie } from '../src/meedenksessie/ouder-meedenksessie.js';
import series from '../test/fixtures/meedenksessie.json';
import { answerPostsWith, languageArg, pendingUrl, type StoryAnswer, type PageChoices } from './helpers.js';


interface Args extends PageChoices {
  /** Unset: the Storybook toolbar's language. */
  lang?: Language;
  definition: object;
  /** How the simulated server answers the POSTs, in turn (the last one repeats). */
  answers: StoryAnswer[];
  /** Session choices (input ids) to tick before sending; empty: send the form as it is. */
  choose: string[];
  /** Fill in and send, to show what follows. */
  send: boolean;
}

const cancelUrl = 'https://www.example.org/meedenksessies/afmelden/7f3a9c';
const waitlisted = (id: string) => ({ status: 201, body: { status: 'waitlisted', sessions: [{ id, status: 'waitlisted' }] } });
const full = (session: string) => ({
  status: 409,
  body: { errors: [{ field: 'sessionIds', code: 'session-full', session, message: 'Deze sessie is vol.' }] },
});

/** Each story gets its own form id, so one story's outbox does not show up in another. */
function withId(id: string, change: Partial<typeof series> = {}): object {
  return { ...series, ...change, id };
}

async function fillAndSend(el: OuderMeedenksessie, choose: string[]): Promise<void> {
  await el.updateComplete;
  const root = el.shadowRoot!;
  const typeInto = (id: string, value: string) => {
    const input = root.querySelector<HTMLInputElement>(`#${id}`);
    if (!input) return;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  if (choose.length > 0) {
    for (const id of choose) root.querySelector<HTMLInputElement>(`#${id}`)?.click();
    typeInto('name', 'Fatima el Amrani');
    typeInto('email', 'fatima@example.nl');
    root.querySelector<HTMLInputElement>('#consent')?.click();
  }
  await el.updateComplete;
  root.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
}

const meta: Meta<Args> = {
  title: 'Widgets/ouder-meedenksessie',
  component: 'ouder-meedenksessie',
  argTypes: {
    lang: languageArg,
    definition: { control: 'object' },
    answers: { control: 'object', description: 'How the simulated server answers the POSTs, in turn' },
    choose: { control: 'object', description: 'Session inputs to tick before sending (session-0 …)' },
    send: { control: 'boolean' },
  },
  args: {
    definition: withId('story-open'),
    answers: [{ status: 201, body: { status: 'confirmed', sessions: [{ id: 'utrecht', status: 'confirmed' }], cancelUrl } }],
    choose: ['session-0'],
    send: false,
  },
  render: (args, context) => {
    answerPostsWith(...args.answers);
    localStorage.removeItem('ouderstem:outbox');
    const lang = args.lang ?? context.globals.lang;
    return html`<ouder-meedenksessie
      lang=${lang}
      register=${ifDefined(args.register)}
      heading-level=${ifDefined(args.headingLevel)}
      endpoint="/api/forms/${(args.definition as { id: string }).id}"
      privacy-url="https://www.example.org/privacy"
      .definition=${args.definition}
      @ouder-ready=${(event: Event) => {
        // Send once, not again when the list refreshes after a conflict.
        if (args.send && !(event.target as HTMLElement).dataset.sent) {
          (event.target as HTMLElement).dataset.sent = 'yes';
          void fillAndSend(event.target as OuderMeedenksessie, args.choose);
        }
      }}
    ></ouder-meedenksessie>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Open, few places, full with a waiting list, full, and closed; the past session is left out. */
export const EverySessionState: Story = {};
export const English: Story = { args: { lang: 'en', definition: withId('story-en') } };
export const Arabic: Story = { args: { lang: 'ar', definition: withId('story-ar') } };
export const OneSessionOnly: Story = { args: { definition: withId('story-single', { multiple: false }) } };
export const NothingToChoose: Story = {
  args: { definition: withId('story-none', { sessions: series.sessions.filter((s) => ['jongeren', 'zeist'].includes(s.id)) }) },
};
export const ValidationErrors: Story = { args: { definition: withId('story-errors'), choose: [], send: true } };
export const ValidationErrorsArabic: Story = { args: { lang: 'ar', definition: withId('story-errors-ar'), choose: [], send: true } };
export const Sending: Story = { args: { definition: withId('story-sending'), answers: ['pending'], send: true } };
export const Confirmed: Story = { args: { definition: withId('story-confirmed'), send: true } };
export const ConfirmedEnglish: Story = { args: { lang: 'en', definition: withId('story-confirmed-en'), send: true } };
export const ConfirmedArabic: Story = { args: { lang: 'ar', definition: withId('story-confirmed-ar'), send: true } };
export const Waitlisted: Story = {
  args: { definition: withId('story-waitlisted'), choose: ['session-2'], answers: [waitlisted('amersfoort')], send: true },
};
export const PlaceAndWaitingList: Story = {
  args: {
    definition: withId('story-mixed'),
    choose: ['session-0', 'session-2'],
    answers: [
      {
        status: 201,
        body: {
          status: 'confirmed',
          sessions: [
            { id: 'utrecht', status: 'confirmed' },
            { id: 'amersfoort', status: 'waitlisted' },
          ],
          cancelUrl,
        },
      },
    ],
    send: true,
  },
};
/** 409 session-full: the list is refreshed and the waiting list offered; the button sends again with `waitlist: true`. */
export const FilledUpMeanwhile: Story = {
  args: { definition: withId('story-409'), answers: [full('utrecht'), waitlisted('utrecht')], send: true },
};
export const FilledUpMeanwhileEnglish: Story = {
  args: { lang: 'en', definition: withId('story-409-en'), answers: [full('utrecht'), waitlisted('utrecht')], send: true },
};
export const FilledUpWithoutWaitingList: Story = {
  args: { definition: withId('story-409-full'), choose: ['session-1'], answers: [full('online')], send: true },
};
export const DeadlinePassedMeanwhile: Story = {
  args: {
    definition: withId('story-deadline'),
    answers: [{ status: 409, body: { errors: [{ field: 'sessionIds', code: 'deadline-passed', session: 'utrecht', message: 'Gesloten.' }] } }],
    send: true,
  },
};
export const ServerFieldErrors: Story = {
  args: {
    definition: withId('story-422'),
    answers: [{ status: 422, body: { errors: [{ field: 'email', code: 'invalid', message: 'Dit e-mailadres kunnen we niet gebruiken.' }] } }],
    send: true,
  },
};
export const SendingFailed: Story = { args: { definition: withId('story-400'), answers: [{ status: 400 }], send: true } };
/** As on a gemeente's page: "u", the title one level below the page's own h2, and the errors in the u-form. */
export const FormalWithErrors: Story = { args: { definition: withId('story-formal'), choose: [], send: true, register: 'u', headingLevel: '3' } };
export const QueuedOffline: Story = { args: { definition: withId('story-queued'), answers: ['network-error'], send: true } };
export const QueuedOfflineArabic: Story = {
  args: { lang: 'ar', definition: withId('story-queued-ar'), answers: ['network-error'], send: true },
};
export const InvalidDefinition: Story = {
  args: { definition: { ...series, id: 'story-invalid', sessions: [{ ...series.sessions[0], start: 'volgende week' }] } },
};

/** A failed load comes from a URL that does not exist. */
export const Loading: Story = {
  render: (args, context) => html`<ouder-meedenksessie lang=${args.lang ?? context.globals.lang} src=${pendingUrl}></ouder-meedenksessie>`,
};
export const LoadFailed: Story = {
  render: (args, context) => html`<ouder-meedenksessie lang=${args.lang ?? context.globals.lang} src="/does-not-exist/meedenksessie.json"></ouder-meedenksessie>`,
};
