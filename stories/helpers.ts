import { languages } from '../src/core/i18n/index.js';
import { defaultRetryPolicy, Outbox, usePageOutbox } from '../src/core/outbox.js';
import { Store } from '../src/core/storage.js';

/**
 * Helpers for stories: they show every widget state without a server by answering the widget's
 * requests from the story itself.
 */

// Stories show failures without waiting seconds for retries.
usePageOutbox(new Outbox({ store: new Store('local'), policy: { ...defaultRetryPolicy, baseDelay: 50 } }));
export type StoryAnswer = { status: number; body?: unknown } | 'network-error' | 'pending';

const realFetch = globalThis.fetch.bind(globalThis);
let answers: StoryAnswer[] = [];

/** A definition URL that never answers: the loading state. */
export const pendingUrl = '/stories/pending.json';

globalThis.fetch = async (input, init) => {
  if ((init?.method ?? 'GET').toUpperCase() !== 'POST') {
    return String(input).endsWith(pendingUrl) ? new Promise<Response>(() => {}) : realFetch(input, init);
  }
  const answer = answers.length > 1 ? answers.shift()! : (answers[0] ?? { status: 201, body: {} });
  if (answer === 'network-error') throw new TypeError('Failed to fetch');
  if (answer === 'pending') return new Promise<Response>(() => {});
  return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'Content-Type': 'application/json' },
  });
};

/** Sets how the simulated server answers the next POSTs of a story (the last one repeats). */
export function answerPostsWith(...next: StoryAnswer[]): void {
  answers = next;
}

/** The register and heading level a host page may choose (`register`, `heading-level`). */
export interface PageChoices {
  /** Dutch only: `u` addresses the parent formally. */
  register?: 'u';
  /** The level of the widget's title on the page. */
  headingLevel?: string;
}

/** The languages every story is shown in. */
export const languageArg = {
  control: { type: 'inline-radio' as const },
  options: languages,
};
