import { defineStrings, type Plural } from '../core/i18n/index.js';
import nl from './i18n/nl.js';

export interface PeilingStrings {
  other: string;
  otherLabel: string;
  questionOf: (current: number, total: number) => string;
  previous: string;
  next: string;
  codeLabel: string;
  codeHint: string;
  closesAt: (date: string) => string;
  scaleHint: (min: string, max: string) => string;
  errors: {
    required: Record<'single' | 'multiple' | 'scale' | 'open', string>;
    otherEmpty: string;
    tooLong: Plural;
    codeRequired: string;
  };
  thanksTitle: string;
  thanksBody: string;
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
