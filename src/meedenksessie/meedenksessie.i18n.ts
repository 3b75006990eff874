import { defineStrings, type Plural } from '../core/i18n/index.js';
import nl from './i18n/nl.js';

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

export const meedenksessieStrings = defineStrings<MeedenksessieStrings>(nl, (language) => import(`./i18n/${language}.ts`));
