import type { Translation } from '../translation.js';

const en: Translation = {
  languageName: 'English',
  loading: 'Loading…',
  loadFailed: 'This part could not be loaded just now; please try again in a moment.',
  unavailable: 'This part is not available right now.',
  retry: 'Try again',
  invalidDefinition: (path, problem) => `This form is not set up correctly: ${path} ${problem}.`,
  required: 'required',
  optional: 'optional',
  errorPrefix: 'Error:',
  errorSummaryTitle: 'There is a problem',
  send: 'Send',
  sending: 'Sending…',
  retrying: 'Sending has not worked yet. We will try again in a moment…',
  queuedTitle: 'Not sent yet',
  queuedBody:
    'There is no connection right now. Your answer is saved on this device. We will send it by itself as soon as the connection is back.',
  queuedBodyUnsaved:
    'There is no connection right now. Keep this page open: we will send your answer by itself as soon as the connection is back.',
  sentLater: 'Your answer has now been sent.',
  failedTitle: 'Sending did not work',
  failedBody: 'Please try again later.',
  charactersLeft: { one: 'You have 1 character left', other: 'You have {n} characters left' },
  charactersTooMany: { one: 'You have 1 character too many', other: 'You have {n} characters too many' },
  privacyLink: 'Read how we handle your data',
  opensInNewWindow: '(opens in a new window)',
  problems: {
    missing: 'is missing',
    notText: 'must be text',
    notList: 'must be a list',
    notObject: 'must be an object',
    notNumber: 'must be a number',
    notBoolean: 'must be true or false',
    notDate: 'must be a date and time (ISO 8601)',
    oneOf: (choices) => `must be one of: ${choices}`,
    duplicate: 'appears twice',
    notJson: 'is not valid JSON',
    unreadable: 'cannot be read (see the console)',
  },
};

export default en;
