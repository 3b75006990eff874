/**
 * Everything the server says to parents in words: the e-mails and the pages behind their links.
 * One file per language in this folder (`nl.ts` is the reference, plain B1 Dutch), each exporting
 * a `Texts` as its default; a new language is one new file, found at start-up.
 */
export interface Texts {
  /** The language tag the file is for: its file name without `.ts`. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The language's name in itself, for the language choice on the pages. */
  name: string;
  dates: {
    /** Intl locale for dates and times. */
    locale: string;
    /** A clock time as Intl writes it (19:30), as this language writes it ("19.30 uur"). */
    clock: (time: string) => string;
    /** Between the day and the time. */
    join: string;
  };
  mail: MailTexts;
  pages: PageTexts;
  /** What the API says about each error code (`{ errors: [{ code, message }] }`), to a parent. */
  errors: Record<ErrorCode, string>;
}

/** The error codes the API answers with; each language says every one. */
export type ErrorCode =
  | 'required'
  | 'invalid-email'
  | 'invalid-format'
  | 'invalid-type'
  | 'invalid-value'
  | 'too-short'
  | 'too-long'
  | 'too-many'
  | 'consent-needs-name'
  | 'out-of-range'
  | 'unknown-field'
  | 'unknown-question'
  | 'unknown-session'
  | 'form-mismatch'
  | 'type-mismatch'
  | 'idempotency-key-mismatch'
  | 'idempotency-key-reused'
  | 'already-voted'
  | 'poll-closed'
  | 'code-used'
  | 'code-invalid'
  | 'withdrawn'
  | 'session-full'
  | 'form-closed'
  | 'deadline-passed'
  | 'already-signed-up'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'request-timeout'
  | 'headers-too-large'
  | 'unavailable'
  | 'bad-request'
  | 'not-found'
  | 'origin-not-allowed'
  | 'rate-limited'
  | 'unauthorized'
  | 'internal';

export interface MailTexts {
  greeting: (name?: string) => string;
  /** Last line of every message: who sent it and why. */
  footer: (form: string) => string;
  when: string;
  where: string;
  online: string;
  onlineLink: string;
  /** An online session whose link is not known yet. */
  onlineLater: string;
  calendarAttached: string;
  /** Above the cancel link. */
  cancelLink: string;
  confirmed: string;
  waitlisted: string;
  signUp: {
    confirmedSubject: (session: string) => string;
    waitlistedSubject: (session: string) => string;
    mixedSubject: (form: string) => string;
    confirmedIntro: string;
    waitlistedIntro: string;
    mixedIntro: string;
  };
  promoted: { subject: (session: string) => string; intro: string };
  reminder: { subject: (session: string, day: string) => string; todaySubject: (session: string) => string; intro: string; todayIntro: string };
  cancelled: { subject: (session: string) => string; intro: string; again: string };
  /** The organiser changed the time or the place of a session. */
  sessionChanged: { subject: (session: string) => string; intro: string; before: string; calendar: string };
  /** The organiser called a session off. */
  sessionCancelled: { subject: (session: string) => string; intro: string; message: string; nothingToDo: string; calendar: string };
  story: { subject: string; intro: (form: string) => string; code: string; howTo: string; link: string; keep: string };
  outcome: { subject: (form: string) => string; intro: (form: string) => string; more: string; erased: string };
}

export interface PageTexts {
  language: string;
  errorPrefix: string;
  errorSummary: string;
  session: { when: string; where: string; confirmed: string; waitlisted: string; cancelled: string; calledOff: string };
  cancel: {
    title: string;
    intro: string;
    /** For a session with a place, when someone is waiting for it. */
    toWaitlist: string;
    /** For a session with a place, when nobody waits. */
    freed: string;
    /** For a session the parent is waiting for. */
    leaveWaitlist: string;
    question: string;
    button: string;
    keep: string;
    doneTitle: string;
    done: string;
    doneMail: string;
    usedTitle: string;
    used: string;
    pastTitle: string;
    past: string;
    /** Every session of the sign-up was called off by its organiser. */
    calledOffTitle: string;
    calledOff: string;
  };
  withdraw: {
    title: string;
    intro: string;
    label: string;
    hint: string;
    next: string;
    required: string;
    unknown: string;
    confirmTitle: string;
    story: (form: string, date: string) => string;
    question: string;
    button: string;
    keep: string;
    doneTitle: string;
    done: string;
    usedTitle: string;
    used: string;
  };
  unknownTitle: string;
  unknown: string;
  /** The hosted page of a form (`/f/<id>`). */
  hosted: {
    privacy: string;
    /** Inside the widget's tag, until it has loaded. */
    fallback: (organisation: string) => string;
    missingTitle: string;
    missing: string;
  };
  /** What a web editor copies: the fallback inside the tag, and a text for WhatsApp or e-mail. */
  share: {
    fallback: (link: string) => string;
    text: (organisation: string, title: string, url: string) => string;
  };
}
