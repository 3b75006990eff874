import type { SubmissionAnswer } from '../core/schema-types.js';
import { Store } from '../core/storage.js';

/**
 * What a reload must not lose: the confirmation and its cancel link. Kept per form in this tab's
 * sessionStorage (`ouderstem:signup:<formId>`, gone when the tab closes), and only what the
 * confirmation shows: the chosen sessions and the server's answer; no name, e-mail or other answer.
 */
export interface KeptConfirmation {
  endpoint: string;
  submissionId: string;
  sessionIds: string[];
  response: Pick<SubmissionAnswer, 'status' | 'sessions' | 'cancelUrl'>;
}

const keyOf = (formId: string) => `signup:${formId}`;

export function keepConfirmation(enabled: boolean, formId: string, kept: KeptConfirmation): void {
  const { status, sessions, cancelUrl } = kept.response;
  new Store('session', enabled).write(keyOf(formId), { ...kept, response: { status, sessions, cancelUrl } });
}

/** The confirmation this tab showed for the form at this endpoint, if it holds together. */
export function keptConfirmation(enabled: boolean, formId: string, endpoint: string | undefined): KeptConfirmation | undefined {
  const kept = new Store('session', enabled).read<Partial<KeptConfirmation>>(keyOf(formId));
  if (!kept || kept.endpoint !== endpoint || typeof kept.submissionId !== 'string') return undefined;
  if (!Array.isArray(kept.sessionIds) || !kept.sessionIds.every((id) => typeof id === 'string')) return undefined;
  if (typeof kept.response !== 'object' || kept.response === null) return undefined;
  return kept as KeptConfirmation;
}
