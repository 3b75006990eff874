import { defineStrings, type Plural } from '../core/i18n/index.js';
import nl from './i18n/nl.js';

/** The words of `<ouder-peiling>`. This Dutch file is the reference; `{name}` marks a place filled in. */
export interface PeilingStrings {
  other: string;
  otherLabel: string;
  questionOf: (current: number, total: number) => string;
  previous: string;
  next: string;
  send: string;
  codeLabel: string;
  codeHint: string;
  /** `{date}`: a moment with its time. */
  closesAt: string;
  /** `{date}`: the last whole day (the poll closes at midnight after it). */
  closesAfter: string;
  /** `{min}`, `{max}`: the ends of the scale with their labels. */
  scaleHint: string;
  errors: {
    required: Record<'single' | 'multiple' | 'scale' | 'open', string>;
    otherEmpty: string;
    tooLong: Plural;
    codeRequired: string;
  };
  thanksTitle: string;
  thanksBody: string;
  sentLater: string;
  queued: string;
  queuedUnsaved: string;
  votedTitle: string;
  votedBody: string;
  closedTitle: string;
  closedBody: string;
  resultsTitle: string;
  participants: Plural;
  votes: Plural;
  resultsTooFew: string;
  resultsAfterClose: string;
  openNotShown: string;
}

export const peilingStrings = defineStrings<PeilingStrings>(nl, (language) => import(`./i18n/${language}.ts`));
