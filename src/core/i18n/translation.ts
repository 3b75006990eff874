/** Plural forms, chosen with `Intl.PluralRules` (Arabic needs more than one/other). */
export interface Plural {
  zero?: string;
  one: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/**
 * Every string the core shows. `nl.ts` is the reference; other languages implement the same
 * interface, so a missing string is a type error, not a blank on a parent's screen.
 * Widgets keep their own strings next to them (see `defineStrings`), so that one widget's
 * bundle carries no other widget's words.
 */
export interface Translation {
  /** Name of the language, in that language. */
  languageName: string;
  loading: string;
  /** A definition could not be loaded, and trying again may help (connection, busy server). */
  loadFailed: string;
  /** A definition could not be loaded, and trying again will not help (refused, unknown form). */
  unavailable: string;
  retry: string;
  invalidDefinition: (path: string, problem: string) => string;
  required: string;
  optional: string;
  errorPrefix: string;
  errorSummaryTitle: string;
  send: string;
  sending: string;
  retrying: string;
  queuedTitle: string;
  queuedBody: string;
  /** The same, with `storage="none"`: nothing is kept on the device. */
  queuedBodyUnsaved: string;
  sentLater: string;
  failedTitle: string;
  failedBody: string;
  charactersLeft: Plural;
  charactersTooMany: Plural;
  privacyLink: string;
  opensInNewWindow: string;
  /** Problems with a definition; they name the field, so a web editor can fix it. */
  problems: {
    missing: string;
    notText: string;
    notList: string;
    notObject: string;
    notNumber: string;
    notBoolean: string;
    notDate: string;
    oneOf: (choices: string) => string;
    duplicate: string;
    notJson: string;
    unreadable: string;
  };
}
