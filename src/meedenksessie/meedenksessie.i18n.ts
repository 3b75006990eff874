import { defineStrings, type Plural } from '../core/i18n/index.js';
import nl from './i18n/nl.js';

export interface MeedenksessieStrings {
  chooseOne: string;
  chooseMore: string;
  chooseMoreHint: string;
  placesLeft: Plural;
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
  sessionFull: (session: string) => string;
  joinWaitlistOffer: string;
  joinWaitlistOfferNoMail: string;
  joinWaitlist: string;
  chooseAnother: string;
  deadlinePassed: (session: string) => string;
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

export const meedenksessieStrings = defineStrings<MeedenksessieStrings>(nl, (language) => import(`./i18n/${language}.ts`));
