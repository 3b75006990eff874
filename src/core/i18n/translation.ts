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
 * How Dutch addresses a parent: `je` (the default, informal) or `u` (formal, as many gemeenten
 * write). Other languages have one register.
 */
export type Register = 'je' | 'u';

/** Dutch texts: one set per register, both complete. */
export type Registers<T> = Record<Register, T>;

/**
 * Every string the core shows. `nl.ts` is the reference; other languages implement the same
 * interface, so a missing string is a type error, not a blank on a parent's screen.
 * Widgets keep their own strings next to them (see `defineStrings`), so that one widget's
 * bundle carries no other widget's words. `{name}` marks a place `format()` fills in.
 */
export interface Translation {
  loading: string;
  /** A definition could not be loaded, and trying again may help (connection, busy server). */
  loadFailed: string;
  /** A definition could not be loaded or used, and trying again will not help (refused, unknown or broken form). */
  unavailable: string;
  /** The way forward when the web editor put no fallback text inside the tag. */
  unavailableHelp: string;
  retry: string;
  optional: string;
  errorPrefix: string;
  errorSummaryTitle: string;
  sending: string;
  retrying: string;
  queuedTitle: string;
  failedTitle: string;
  failedBody: string;
  /** The server refused for a reason the parent cannot fix (site not allowed, form gone). */
  brokenBody: string;
  charactersLeft: Plural;
  charactersTooMany: Plural;
  /** Below a minimum length: how many more are needed. */
  charactersNeeded: Plural;
  privacyLink: string;
  opensInNewWindow: string;
  /** The label of the parent's language menu, shown when a definition has content in more than one language. */
  language: string;
}
