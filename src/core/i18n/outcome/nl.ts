import type { Registers } from '../translation.js';
import type { OutcomeStrings } from '../../outcome.js';

/** The outcome opt-in in Dutch, plain language (B1): the reference, informal ("je"). */
const je: OutcomeStrings = {
  label: 'Ik wil horen wat er met de uitkomst gebeurt',
  hint: 'We sturen je één e-mail als de uitkomst bekend is. Daarna wissen we je e-mailadres. Je adres staat los van je antwoorden.',
  email: 'Je e-mailadres voor dat bericht',
  emailRequired: 'Vul je e-mailadres in, of vink het vakje uit.',
  emailInvalid: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
};

/** Formal ("u"). */
const u: OutcomeStrings = {
  ...je,
  hint: 'We sturen u één e-mail als de uitkomst bekend is. Daarna wissen we uw e-mailadres. Uw adres staat los van uw antwoorden.',
  email: 'Uw e-mailadres voor dat bericht',
  emailRequired: 'Vul uw e-mailadres in, of vink het vakje uit.',
};

const nl: Registers<OutcomeStrings> = { je, u };

export default nl;
