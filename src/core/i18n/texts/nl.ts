import type { Registers, Translation } from '../translation.js';

/** Dutch, plain language (B1): the reference translation, informal ("je"). */
const je: Translation = {
  loading: 'Even laden…',
  loadFailed: 'Dit onderdeel kon nu niet worden geladen; probeer het zo opnieuw.',
  unavailable: 'Dit onderdeel is nu niet beschikbaar.',
  unavailableHelp: 'Neem contact op met de organisatie van deze website.',
  retry: 'Probeer opnieuw',
  optional: 'niet verplicht',
  errorPrefix: 'Fout:',
  errorSummaryTitle: 'Er is iets niet goed ingevuld',
  sending: 'Bezig met versturen…',
  retrying: 'Versturen lukt nog niet. We proberen het zo opnieuw…',
  queuedTitle: 'Nog niet verstuurd',
  failedTitle: 'Versturen is niet gelukt',
  failedBody: 'Probeer het later nog eens.',
  brokenBody: 'Dit formulier werkt nu niet. Er is niets verstuurd.',
  charactersLeft: { one: 'Je kunt nog 1 teken typen', other: 'Je kunt nog {n} tekens typen' },
  charactersTooMany: { one: 'Je hebt 1 teken te veel', other: 'Je hebt {n} tekens te veel' },
  charactersNeeded: { one: 'Nog 1 teken nodig', other: 'Nog {n} tekens nodig' },
  privacyLink: 'Lees hoe we met je gegevens omgaan',
  opensInNewWindow: '(opent in een nieuw venster)',
  language: 'Taal',
};

/** Dutch, formal ("u"): every sentence that addresses the parent, in the u-form. */
const u: Translation = {
  ...je,
  charactersLeft: { one: 'U kunt nog 1 teken typen', other: 'U kunt nog {n} tekens typen' },
  charactersTooMany: { one: 'U heeft 1 teken te veel', other: 'U heeft {n} tekens te veel' },
  privacyLink: 'Lees hoe we met uw gegevens omgaan',
};

const nl: Registers<Translation> = { je, u };

export default nl;
