import { defineStrings, type Plural } from '../core/i18n/index.js';
import type { ErvaringProblem } from './ervaring.js';
import nl from './i18n/nl.js';

/** The words of `<ouder-ervaring>`. This Dutch file is the reference (plain B1); `{name}` marks a place filled in. */
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
  levelPlaceholder: string;
  contactLabel: string;
  contactNo: string;
  contactYes: string;
  contactHint: string;
  nameLabel: string;
  /** The name field when the chosen consent shares the first name. */
  firstNameLabel: string;
  firstNameFieldHint: string;
  emailLabel: string;
  emailHint: string;
  /** Only when the server sends e-mail. */
  sendCode: string;
  codeMailed: string;
  consentLabel: string;
  consentOptions: { internal: string; 'quote-anonymous': string; 'first-name': string };
  /** Under a consent that shares the first name; `{contact}` and `{yes}` are the contact question and its yes. */
  firstNameHint: string;
  whoReads: string;
  /** `{duration}`: "2 jaar", "6 maanden". */
  retention: string;
  retentionUnknown: string;
  withdrawLater: string;
  send: string;
  problems: Record<Exclude<ErvaringProblem, 'story-too-short' | 'story-too-long'>, string> & {
    'story-too-short': Plural;
    'story-too-long': Plural;
  };
  queued: string;
  queuedUnsaved: string;
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
