import type { OutcomeStrings } from '../../outcome.js';

/** The outcome opt-in in Polish. */
const pl: OutcomeStrings = {
  label: 'Chcę wiedzieć, co stanie się z wynikiem',
  hint: 'Wyślemy ci jeden e-mail, gdy wynik będzie znany. Potem usuniemy twój adres. Twój adres jest przechowywany osobno od twoich odpowiedzi.',
  email: 'Twój adres e-mail do tej wiadomości',
  emailRequired: 'Wpisz swój adres e-mail albo odznacz pole.',
  emailInvalid: 'Wpisz adres e-mail, na przykład imie@przyklad.pl.',
};

export default pl;
