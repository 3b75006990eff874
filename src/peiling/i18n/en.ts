import type { PeilingStrings } from '../peiling.i18n.js';

/** English. */
const en: PeilingStrings = {
  other: 'Other',
  otherLabel: 'What do you mean by other?',
  questionOf: (current, total) => `Question ${current} of ${total}`,
  previous: 'Previous question',
  next: 'Next question',
  codeLabel: 'Your participation code',
  codeHint: 'You can find this code in the invitation you received.',
  closesAt: (date) => `You can take part until ${date}.`,
  scaleHint: (min, max) => `${min} is the lowest, ${max} the highest.`,
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
