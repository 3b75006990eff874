import type { Translation } from '../translation.js';

/** Polish, plain and direct ("ty", as gov.pl writes). Not yet checked by a native speaker. */
const pl: Translation = {
  loading: 'Ładowanie…',
  loadFailed: 'Nie udało się teraz załadować tej części. Spróbuj ponownie za chwilę.',
  unavailable: 'Ta część jest teraz niedostępna.',
  unavailableHelp: 'Skontaktuj się z organizacją, która prowadzi tę stronę.',
  retry: 'Spróbuj ponownie',
  optional: 'nieobowiązkowe',
  errorPrefix: 'Błąd:',
  errorSummaryTitle: 'Coś jest wypełnione nie tak',
  sending: 'Wysyłanie…',
  retrying: 'Wysłanie jeszcze się nie udało. Za chwilę spróbujemy ponownie…',
  queuedTitle: 'Jeszcze nie wysłano',
  failedTitle: 'Nie udało się wysłać',
  failedBody: 'Spróbuj ponownie później.',
  brokenBody: 'Ten formularz teraz nie działa. Nic nie zostało wysłane.',
  charactersLeft: {
    one: 'Możesz wpisać jeszcze 1 znak',
    few: 'Możesz wpisać jeszcze {n} znaki',
    many: 'Możesz wpisać jeszcze {n} znaków',
    other: 'Możesz wpisać jeszcze {n} znaku',
  },
  charactersTooMany: {
    one: 'Masz 1 znak za dużo',
    few: 'Masz {n} znaki za dużo',
    many: 'Masz {n} znaków za dużo',
    other: 'Masz {n} znaku za dużo',
  },
  charactersNeeded: {
    one: 'Potrzebny jeszcze 1 znak',
    few: 'Potrzebne jeszcze {n} znaki',
    many: 'Potrzebnych jeszcze {n} znaków',
    other: 'Potrzeba jeszcze {n} znaku',
  },
  privacyLink: 'Przeczytaj, co robimy z twoimi danymi',
  opensInNewWindow: '(otwiera się w nowym oknie)',
  language: 'Język',
};

export default pl;
