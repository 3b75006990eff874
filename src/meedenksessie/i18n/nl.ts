import type { Plural, Registers } from '../../core/i18n/index.js';

/** The words of `<ouder-meedenksessie>`. This Dutch file is the reference; `{name}` marks a place filled in. */
export interface MeedenksessieStrings {
  chooseOne: string;
  placesLeft: Plural;
  chooseMore: string;
  chooseMoreHint: string;
  waitlist: string;
  full: string;
  closed: string;
  online: string;
  noSessions: string;
  name: string;
  email: string;
  emailHint: string;
  /** The hint when the server sends no e-mail: no promise of a confirmation. */
  emailHintNoMail: string;
  phone: string;
  phoneHint: string;
  role: string;
  gemeente: string;
  needs: string;
  needsHint: string;
  remarks: string;
  consent: string;
  submit: string;
  /** `{n}` in the too-long messages: the longest the server accepts. */
  errors: {
    sessionIds: string;
    nameRequired: string;
    nameTooLong: string;
    emailRequired: string;
    emailInvalid: string;
    phoneInvalid: string;
    gemeenteTooLong: string;
    remarksTooLong: string;
    consent: string;
  };
  /** `{session}`: the session's title. */
  sessionFull: string;
  joinWaitlistOffer: string;
  joinWaitlistOfferNoMail: string;
  joinWaitlist: string;
  chooseAnother: string;
  /** `{session}`: the session's title. */
  deadlinePassed: string;
  queued: string;
  queuedUnsaved: string;
  sentLater: string;
  confirmedTitle: string;
  waitlistedTitle: string;
  mixedTitle: string;
  sentTitle: string;
  confirmed: string;
  waitlisted: string;
  waitlistedNoMail: string;
  /** Under the confirmation when the server sends e-mail. */
  mailFollows: string;
  sent: string;
  addToCalendar: string;
  cancel: string;
}

const je: MeedenksessieStrings = {
  chooseOne: 'Kies een sessie',
  placesLeft: { one: 'Nog 1 plaats', other: 'Nog {n} plaatsen' },
  chooseMore: 'Kies een of meer sessies',
  chooseMoreHint: 'Je kunt meer dan één sessie kiezen.',
  waitlist: 'Vol — wachtlijst mogelijk',
  full: 'Vol',
  closed: 'Aanmelden gesloten',
  online: 'online',
  noSessions: 'Er zijn nu geen sessies waarvoor je je kunt aanmelden.',
  name: 'Je naam',
  email: 'Je e-mailadres',
  emailHint: 'We sturen je hier een bevestiging naartoe.',
  emailHintNoMail: 'We gebruiken je e-mailadres alleen voor deze meedenksessies.',
  phone: 'Je telefoonnummer',
  phoneHint: 'Zodat we je kunnen bellen als er iets verandert.',
  role: 'Wie ben je?',
  gemeente: 'In welke gemeente woon je?',
  needs: 'Wat helpt jou om mee te doen?',
  needsHint: 'Kies wat je nodig hebt. Wij regelen het als dat kan.',
  remarks: 'Wil je nog iets kwijt?',
  consent: 'Ik geef toestemming om mijn gegevens te gebruiken voor deze meedenksessies.',
  submit: 'Aanmelden',
  errors: {
    sessionIds: 'Kies een sessie.',
    nameRequired: 'Vul je naam in.',
    nameTooLong: 'Je naam is te lang. Gebruik hoogstens {n} tekens.',
    emailRequired: 'Vul je e-mailadres in.',
    emailInvalid: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
    phoneInvalid: 'Vul een telefoonnummer in zoals 06 12345678, of laat het leeg.',
    gemeenteTooLong: 'De naam van de gemeente is te lang. Gebruik hoogstens {n} tekens.',
    remarksTooLong: 'Je opmerking is te lang. Gebruik hoogstens {n} tekens.',
    consent: 'Geef toestemming, anders kunnen we je niet aanmelden.',
  },
  sessionFull: '{session} is net vol geraakt.',
  joinWaitlistOffer: 'Je kunt op de wachtlijst. Komt er een plaats vrij, dan krijg je bericht.',
  joinWaitlistOfferNoMail: 'Je kunt op de wachtlijst. Komt er een plaats vrij, dan gaat die naar de eerste op de lijst.',
  joinWaitlist: 'Zet me op de wachtlijst',
  chooseAnother: 'Je kunt ook een andere sessie kiezen.',
  deadlinePassed: 'Aanmelden voor {session} is gesloten.',
  queued: 'Er is nu geen verbinding. We hebben je aanmelding op dit apparaat bewaard en versturen die vanzelf zodra er weer verbinding is.',
  queuedUnsaved: 'Er is nu geen verbinding. Laat deze pagina open: we versturen je aanmelding vanzelf zodra er weer verbinding is.',
  sentLater: 'Je aanmelding is alsnog verstuurd.',
  confirmedTitle: 'Je bent aangemeld',
  waitlistedTitle: 'Je staat op de wachtlijst',
  mixedTitle: 'Je aanmelding is binnen',
  sentTitle: 'Je aanmelding is verstuurd',
  confirmed: 'Je hebt een plaats.',
  waitlisted: 'Je staat op de wachtlijst. Komt er een plaats vrij, dan krijg je bericht.',
  waitlistedNoMail: 'Je staat op de wachtlijst. Komt er een plaats vrij, dan gaat die naar de eerste op de lijst.',
  mailFollows: 'Je krijgt ook een e-mail met alles op een rij.',
  sent: 'Aanmelding verstuurd.',
  addToCalendar: 'Zet in je agenda',
  cancel: 'Kun je toch niet? Meld je af',
};

const u: MeedenksessieStrings = {
  ...je,
  chooseMoreHint: 'U kunt meer dan één sessie kiezen.',
  noSessions: 'Er zijn nu geen sessies waarvoor u zich kunt aanmelden.',
  name: 'Uw naam',
  email: 'Uw e-mailadres',
  emailHint: 'We sturen u hier een bevestiging naartoe.',
  emailHintNoMail: 'We gebruiken uw e-mailadres alleen voor deze meedenksessies.',
  phone: 'Uw telefoonnummer',
  phoneHint: 'Zodat we u kunnen bellen als er iets verandert.',
  role: 'Wie bent u?',
  gemeente: 'In welke gemeente woont u?',
  needs: 'Wat helpt u om mee te doen?',
  needsHint: 'Kies wat u nodig heeft. Wij regelen het als dat kan.',
  remarks: 'Wilt u nog iets kwijt?',
  errors: {
    ...je.errors,
    nameRequired: 'Vul uw naam in.',
    nameTooLong: 'Uw naam is te lang. Gebruik hoogstens {n} tekens.',
    emailRequired: 'Vul uw e-mailadres in.',
    remarksTooLong: 'Uw opmerking is te lang. Gebruik hoogstens {n} tekens.',
    consent: 'Geef toestemming, anders kunnen we u niet aanmelden.',
  },
  joinWaitlistOffer: 'U kunt op de wachtlijst. Komt er een plaats vrij, dan krijgt u bericht.',
  joinWaitlistOfferNoMail: 'U kunt op de wachtlijst. Komt er een plaats vrij, dan gaat die naar de eerste op de lijst.',
  chooseAnother: 'U kunt ook een andere sessie kiezen.',
  queued: 'Er is nu geen verbinding. We hebben uw aanmelding op dit apparaat bewaard en versturen die vanzelf zodra er weer verbinding is.',
  queuedUnsaved: 'Er is nu geen verbinding. Laat deze pagina open: we versturen uw aanmelding vanzelf zodra er weer verbinding is.',
  sentLater: 'Uw aanmelding is alsnog verstuurd.',
  confirmedTitle: 'U bent aangemeld',
  waitlistedTitle: 'U staat op de wachtlijst',
  mixedTitle: 'Uw aanmelding is binnen',
  sentTitle: 'Uw aanmelding is verstuurd',
  confirmed: 'U heeft een plaats.',
  waitlisted: 'U staat op de wachtlijst. Komt er een plaats vrij, dan krijgt u bericht.',
  waitlistedNoMail: 'U staat op de wachtlijst. Komt er een plaats vrij, dan gaat die naar de eerste op de lijst.',
  mailFollows: 'U krijgt ook een e-mail met alles op een rij.',
  addToCalendar: 'Zet in uw agenda',
  cancel: 'Kunt u toch niet? Meld u af',
};

export const nl: Registers<MeedenksessieStrings> = { je, u };
