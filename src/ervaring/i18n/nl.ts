import type { Plural, Registers } from '../../core/i18n/index.js';
import type { ErvaringProblem } from '../ervaring.js';

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

const je: ErvaringStrings = {
  helpTitle: 'Heb je nu hulp nodig?',
  helpIntro: 'Dit formulier is niet voor noodgevallen. We lezen je verhaal niet meteen. Praat met iemand die nu kan helpen:',
  kindertelefoon: 'Kindertelefoon (voor kinderen en jongeren): bel gratis',
  veiligThuis: 'Veilig Thuis (bij huiselijk geweld of kindermishandeling): bel gratis',
  notForEmergencies: 'Is er direct gevaar? Bel 112.',
  draftRestored: 'We hebben je concept bewaard. Je kunt verder schrijven waar je gebleven was.',
  discardDraft: 'Concept weggooien',
  draftDiscarded: 'Je concept is weggegooid.',
  storyLabel: 'Jouw verhaal',
  promptsIntro: 'Je kunt bijvoorbeeld schrijven over:',
  namesWarning: 'Schrijf geen volledige namen van kinderen, leraren of hulpverleners. "Mijn zoon" of "de juf" is genoeg.',
  minLength: { one: 'Schrijf minstens 1 teken.', other: 'Schrijf minstens {n} tekens.' },
  themesLabel: 'Waar gaat je verhaal over?',
  themesHint: 'Kies een of meer onderwerpen.',
  regionLabel: 'In welke regio of gemeente speelt het?',
  regionPlaceholder: 'Kies een regio',
  levelLabel: 'Waar gaat het vooral over?',
  levelPlaceholder: 'Kies wat het best past',
  contactLabel: 'Mogen we contact met je opnemen over je verhaal?',
  contactNo: 'Nee, ik blijf anoniem',
  contactYes: 'Ja, dat mag',
  contactHint: 'Als je anoniem blijft, vragen we niet om je naam of e-mailadres.',
  nameLabel: 'Je naam',
  firstNameLabel: 'Je voornaam',
  firstNameFieldHint: 'Die zetten we bij je verhaal. Je achternaam niet.',
  emailLabel: 'Je e-mailadres',
  emailHint: 'We gebruiken je e-mailadres alleen om over dit verhaal contact op te nemen.',
  sendCode: 'Stuur me de code om mijn verhaal in te trekken ook per e-mail',
  codeMailed: 'We sturen je de code ook per e-mail.',
  consentLabel: 'Wat mogen we met je verhaal doen?',
  consentOptions: {
    internal: 'Alleen gebruiken om zelf van te leren. Niemand anders leest het.',
    'quote-anonymous': 'Stukjes eruit gebruiken, zonder naam. Bijvoorbeeld in een verslag of op een website.',
    'first-name': 'Het verhaal delen met mijn voornaam erbij.',
  },
  firstNameHint: 'Dan hebben we je voornaam nodig. Kies daarvoor bij ‘{contact}’ voor ‘{yes}’.',
  whoReads: 'Je verhaal wordt gelezen door de mensen die dit formulier hebben gemaakt. Zij gebruiken het alleen zoals jij hier kiest.',
  retention: 'We bewaren je verhaal {duration}. Daarna verwijderen we het.',
  retentionUnknown: 'We bewaren je verhaal niet langer dan nodig.',
  withdrawLater: 'Na het versturen krijg je een code. Daarmee kun je je verhaal altijd weer laten verwijderen.',
  send: 'Verhaal versturen',
  problems: {
    'story-required': 'Schrijf je verhaal',
    'story-too-short': { one: 'Je verhaal moet minstens 1 teken hebben', other: 'Je verhaal moet minstens {n} tekens hebben' },
    'story-too-long': { one: 'Je verhaal mag hoogstens 1 teken hebben', other: 'Je verhaal mag hoogstens {n} tekens hebben' },
    'themes-required': 'Kies minstens één onderwerp',
    'email-required': 'Vul je e-mailadres in, of kies dat we geen contact opnemen',
    'email-invalid': 'Vul een e-mailadres in zoals naam@voorbeeld.nl',
    'consent-required': 'Kies wat we met je verhaal mogen doen',
    'name-for-consent': 'Vul je voornaam in. Je koos dat we je verhaal met je voornaam mogen delen',
    'contact-for-consent':
      'Je koos dat we je verhaal met je voornaam mogen delen. Kies dan ‘{yes}’ en vul je voornaam in, of kies bij ‘{consent}’ iets anders',
  },
  queued: 'Er is nu geen verbinding. Je verhaal is bewaard op dit apparaat. We versturen het vanzelf zodra er weer verbinding is.',
  queuedUnsaved: 'Er is nu geen verbinding. Laat deze pagina open: we versturen je verhaal vanzelf zodra er weer verbinding is.',
  thanksTitle: 'Bedankt voor je verhaal',
  thanksBody: 'Fijn dat je je ervaring wilt delen. Dat helpt ons om beter te luisteren naar ouders.',
  nextSteps: 'Wat gebeurt er nu? We lezen je verhaal en gebruiken het alleen zoals jij hebt gekozen.',
  withdrawTitle: 'Wil je je verhaal later terugtrekken?',
  withdrawCodeLabel: 'Je code:',
  withdrawKeep: 'Bewaar deze code goed. Met de code laat je je verhaal verwijderen, zonder uitleg.',
  withdrawLink: 'Verhaal terugtrekken',
  copy: 'Code kopiëren',
  copied: 'De code is gekopieerd.',
  copyFailed: 'Kopiëren lukte niet. Schrijf de code over.',
  sentLaterNoCode: 'Je verhaal is alsnog verstuurd.',
  shareAnother: 'Nog een verhaal delen',
};

const u: ErvaringStrings = {
  ...je,
  helpTitle: 'Heeft u nu hulp nodig?',
  helpIntro: 'Dit formulier is niet voor noodgevallen. We lezen uw verhaal niet meteen. Praat met iemand die nu kan helpen:',
  draftRestored: 'We hebben uw concept bewaard. U kunt verder schrijven waar u gebleven was.',
  draftDiscarded: 'Uw concept is weggegooid.',
  storyLabel: 'Uw verhaal',
  promptsIntro: 'U kunt bijvoorbeeld schrijven over:',
  themesLabel: 'Waar gaat uw verhaal over?',
  contactLabel: 'Mogen we contact met u opnemen over uw verhaal?',
  contactHint: 'Als u anoniem blijft, vragen we niet om uw naam of e-mailadres.',
  nameLabel: 'Uw naam',
  firstNameLabel: 'Uw voornaam',
  firstNameFieldHint: 'Die zetten we bij uw verhaal. Uw achternaam niet.',
  emailLabel: 'Uw e-mailadres',
  emailHint: 'We gebruiken uw e-mailadres alleen om over dit verhaal contact op te nemen.',
  codeMailed: 'We sturen u de code ook per e-mail.',
  consentLabel: 'Wat mogen we met uw verhaal doen?',
  firstNameHint: 'Dan hebben we uw voornaam nodig. Kies daarvoor bij ‘{contact}’ voor ‘{yes}’.',
  whoReads: 'Uw verhaal wordt gelezen door de mensen die dit formulier hebben gemaakt. Zij gebruiken het alleen zoals u hier kiest.',
  retention: 'We bewaren uw verhaal {duration}. Daarna verwijderen we het.',
  retentionUnknown: 'We bewaren uw verhaal niet langer dan nodig.',
  withdrawLater: 'Na het versturen krijgt u een code. Daarmee kunt u uw verhaal altijd weer laten verwijderen.',
  problems: {
    'story-required': 'Schrijf uw verhaal',
    'story-too-short': { one: 'Uw verhaal moet minstens 1 teken hebben', other: 'Uw verhaal moet minstens {n} tekens hebben' },
    'story-too-long': { one: 'Uw verhaal mag hoogstens 1 teken hebben', other: 'Uw verhaal mag hoogstens {n} tekens hebben' },
    'themes-required': 'Kies minstens één onderwerp',
    'email-required': 'Vul uw e-mailadres in, of kies dat we geen contact opnemen',
    'email-invalid': 'Vul een e-mailadres in zoals naam@voorbeeld.nl',
    'consent-required': 'Kies wat we met uw verhaal mogen doen',
    'name-for-consent': 'Vul uw voornaam in. U koos dat we uw verhaal met uw voornaam mogen delen',
    'contact-for-consent':
      'U koos dat we uw verhaal met uw voornaam mogen delen. Kies dan ‘{yes}’ en vul uw voornaam in, of kies bij ‘{consent}’ iets anders',
  },
  queued: 'Er is nu geen verbinding. Uw verhaal is bewaard op dit apparaat. We versturen het vanzelf zodra er weer verbinding is.',
  queuedUnsaved: 'Er is nu geen verbinding. Laat deze pagina open: we versturen uw verhaal vanzelf zodra er weer verbinding is.',
  thanksTitle: 'Bedankt voor uw verhaal',
  thanksBody: 'Fijn dat u uw ervaring wilt delen. Dat helpt ons om beter te luisteren naar ouders.',
  nextSteps: 'Wat gebeurt er nu? We lezen uw verhaal en gebruiken het alleen zoals u heeft gekozen.',
  withdrawTitle: 'Wilt u uw verhaal later terugtrekken?',
  withdrawCodeLabel: 'Uw code:',
  withdrawKeep: 'Bewaar deze code goed. Met de code laat u uw verhaal verwijderen, zonder uitleg.',
  sentLaterNoCode: 'Uw verhaal is alsnog verstuurd.',
};

export const nl: Registers<ErvaringStrings> = { je, u };
