import type { OutcomeStrings } from '../../outcome.js';

/** The outcome opt-in in Dutch, plain language (B1): the reference. */
const nl: OutcomeStrings = {
  label: 'Ik wil horen wat er met de uitkomst gebeurt',
  hint: 'We sturen je één e-mail als de uitkomst bekend is. Daarna wissen we je e-mailadres. Je adres staat los van je antwoorden.',
  email: 'Je e-mailadres voor dat bericht',
  emailRequired: 'Vul je e-mailadres in, of vink het vakje uit.',
  emailInvalid: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
};

export default nl;
