import type { PeilingStrings } from '../peiling.i18n.js';

const en: PeilingStrings = {
  other: 'Other',
  otherLabel: 'What do you mean by other?',
  questionOf: (current, total) => `Question ${current} of ${total}`,
  previous: 'Previous question',
  next: 'Next question',
  send: 'Send',
  codeLabel: 'Your participation code',
  codeHint: 'You can find this code in the invitation you received.',
  closesAt: 'You can take part until {date}.',
  closesAfter: 'You can take part up to and including {date}.',
  scaleHint: '{min} is the lowest, {max} the highest.',
  errors: {
    required: {
      single: 'Choose an answer.',
      multiple: 'Choose at least one answer.',
      scale: 'Choose a number.',
      open: 'Enter an answer.',
    },
    otherEmpty: 'Write down what you mean by other.',
    tooLong: { one: 'Your answer is too long. Use at most 1 character.', other: 'Your answer is too long. Use at most {n} characters.' },
    codeRequired: 'Enter your participation code.',
  },
  thanksTitle: 'Thank you for your answer!',
  thanksBody: 'Your answer has arrived.',
  sentLater: 'Your answer has now been sent.',
  queued: 'There is no connection right now. Your answer is saved on this device. We will send it by itself as soon as the connection is back.',
  queuedUnsaved: 'There is no connection right now. Keep this page open: we will send your answer by itself as soon as the connection is back.',
  votedTitle: 'You have already taken part',
  votedBody: 'This poll has already been filled in on this device. Thank you!',
  closedTitle: 'This poll is closed',
  closedBody: 'It is no longer possible to take part.',
  resultsTitle: 'Results',
  participants: { one: '1 parent took part.', other: '{n} parents took part.' },
  votes: { one: '1 vote', other: '{n} votes' },
  resultsTooFew: 'The results will follow once more parents have taken part.',
  resultsAfterClose: 'The results will be shown when the poll has closed.',
  openNotShown: 'We do not show answers to open questions.',
};

export default en;
