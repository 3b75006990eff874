import type { Translation } from '../translation.js';

const en: Translation = {
  loading: 'Loading…',
  loadFailed: 'This part could not be loaded just now; please try again in a moment.',
  unavailable: 'This part is not available right now.',
  unavailableHelp: 'Please contact the organisation behind this website.',
  retry: 'Try again',
  optional: 'optional',
  errorPrefix: 'Error:',
  errorSummaryTitle: 'There is a problem',
  sending: 'Sending…',
  retrying: 'Sending has not worked yet. We will try again in a moment…',
  queuedTitle: 'Not sent yet',
  failedTitle: 'Sending did not work',
  failedBody: 'Please try again later.',
  brokenBody: 'This form is not working right now. Nothing has been sent.',
  charactersLeft: { one: 'You have 1 character left', other: 'You have {n} characters left' },
  charactersTooMany: { one: 'You have 1 character too many', other: 'You have {n} characters too many' },
  charactersNeeded: { one: '1 more character needed', other: '{n} more characters needed' },
  privacyLink: 'Read how we handle your data',
  opensInNewWindow: '(opens in a new window)',
  language: 'Language',
};

export default en;
