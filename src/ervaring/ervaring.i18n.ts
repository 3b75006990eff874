import { defineStrings, type Plural } from '../core/i18n/index.js';
import nl from './i18n/nl.js';
import type { ErvaringProblem } from './ervaring.js';

/** The words of `<ouder-ervaring>`; nl is the reference (plain B1 Dutch). */
export interface ErvaringStrings {
  helpTitle: string;
  helpIntro: string;
  kindertelefoon: string;
  veiligThuis: string;
  notForEmergencies: string;
  draftRestored: string;
  discardDraft: string;
  draftDiscarded: string;
  storyLabel: string;
  promptsIntro: string;
  namesWarning: string;
  minLength: Plural;
  themesLabel: string;
  themesHint: string;
  regionLabel: string;
  regionPlaceholder: string;
  levelLabel: string;
  contactLabel: string;
  contactNo: string;
  contactYes: string;
  contactHint: string;
  nameLabel: string;
  emailLabel: string;
  emailHint: string;
  /** Only when the server sends e-mail. */
  sendCode: string;
  codeMailed: string;
  consentLabel: string;
  consentOptions: { internal: string; 'quote-anonymous': string; 'first-name': string };
  firstNameHint: string;
  whoReads: string;
  retention: Plural;
  retentionUnknown: string;
  withdrawLater: string;
  send: string;
  problems: Record<Exclude<ErvaringProblem, 'story-too-short' | 'story-too-long'>, string> & {
    'story-too-short': Plural;
    'story-too-long': Plural;
  };
  thanksTitle: string;
  thanksBody: string;
  nextSteps: string;
  withdrawTitle: string;
  withdrawCodeLabel: string;
  withdrawKeep: string;
  withdrawLink: string;
  copy: string;
  copied: string;
  copyFailed: string;
  sentLaterNoCode: string;
  shareAnother: string;
}

export const ervaringStrings = defineStrings<ErvaringStrings>(nl, (language) => import(`./i18n/${language}.ts`));
