import type { Translation } from '../translation.js';

/** Dutch, plain language (B1): the reference translation. */
const nl: Translation = {
  languageName: 'Nederlands',
  loading: 'Even laden…',
  loadFailed: 'Dit onderdeel kon nu niet worden geladen; probeer het zo opnieuw.',
  unavailable: 'Dit onderdeel is nu niet beschikbaar.',
  retry: 'Probeer opnieuw',
  invalidDefinition: (path, problem) => `Dit formulier is niet goed ingesteld: ${path} ${problem}.`,
  required: 'verplicht',
  optional: 'niet verplicht',
  errorPrefix: 'Fout:',
  errorSummaryTitle: 'Er is iets niet goed ingevuld',
  send: 'Versturen',
  sending: 'Bezig met versturen…',
  retrying: 'Versturen lukt nog niet. We proberen het zo opnieuw…',
  queuedTitle: 'Nog niet verstuurd',
  queuedBody:
    'Er is nu geen verbinding. Je antwoord is bewaard op dit apparaat. We versturen het vanzelf zodra er weer verbinding is.',
  queuedBodyUnsaved:
    'Er is nu geen verbinding. Laat deze pagina open: we versturen je antwoord vanzelf zodra er weer verbinding is.',
  sentLater: 'Je antwoord is alsnog verstuurd.',
  failedTitle: 'Versturen is niet gelukt',
  failedBody: 'Probeer het later nog eens.',
  charactersLeft: { one: 'Je kunt nog 1 teken typen', other: 'Je kunt nog {n} tekens typen' },
  charactersTooMany: { one: 'Je hebt 1 teken te veel', other: 'Je hebt {n} tekens te veel' },
  privacyLink: 'Lees hoe we met je gegevens omgaan',
  opensInNewWindow: '(opent in een nieuw venster)',
  problems: {
    missing: 'ontbreekt',
    notText: 'moet een tekst zijn',
    notList: 'moet een lijst zijn',
    notObject: 'moet een object zijn',
    notNumber: 'moet een getal zijn',
    notBoolean: 'moet true of false zijn',
    notDate: 'moet een datum en tijd zijn (ISO 8601)',
    oneOf: (choices) => `moet een van deze zijn: ${choices}`,
    duplicate: 'komt twee keer voor',
    notJson: 'is geen geldige JSON',
    unreadable: 'kan niet worden gelezen (zie de console)',
  },
};

export default nl;
