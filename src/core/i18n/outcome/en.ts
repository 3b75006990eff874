import type { OutcomeStrings } from '../../outcome.js';

/** The outcome opt-in in English. */
const en: OutcomeStrings = {
  label: 'I want to hear what happens with the outcome',
  hint: 'We will send you one e-mail when the outcome is known. Then we erase your address. Your address is kept apart from your answers.',
  email: 'Your e-mail address for that message',
  emailRequired: 'Fill in your e-mail address, or untick the box.',
  emailInvalid: 'Enter an e-mail address like name@example.com.',
};

export default en;
