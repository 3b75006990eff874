import type { FieldError, Submission, SubmissionAnswer } from './schema-types.js';

export interface OuderReadyDetail<D = unknown> {
  definition: D;
}
export interface OuderSubmitDetail {
  payload: Submission;
}
export interface OuderSubmittedDetail {
  payload: Submission;
  response: SubmissionAnswer;
}
export interface OuderQueuedDetail {
  payload: Submission;
  attempt: number;
}
export interface OuderErrorDetail {
  payload: Submission;
  status: number;
  errors: FieldError[];
}

declare global {
  interface HTMLElementEventMap {
    'ouder-ready': CustomEvent<OuderReadyDetail>;
    'ouder-submit': CustomEvent<OuderSubmitDetail>;
    'ouder-submitted': CustomEvent<OuderSubmittedDetail>;
    'ouder-queued': CustomEvent<OuderQueuedDetail>;
    'ouder-error': CustomEvent<OuderErrorDetail>;
  }
}

/** Every `ouder-*` event in HTMLElementEventMap, including those a widget declares for itself. */
export type OuderEventName = Extract<keyof HTMLElementEventMap, `ouder-${string}`>;

/** Dispatches an `ouder-*` event that crosses shadow roots; returns false when a listener vetoed it. */
export function emit<K extends OuderEventName>(
  target: EventTarget,
  name: K,
  detail: HTMLElementEventMap[K]['detail'],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}
