import type { PeilingStrings } from '../peiling.i18n.js';

/** Polish, plain and direct ("ty"). Not yet checked by a native speaker. */
const pl: PeilingStrings = {
  other: 'Inne',
  otherLabel: 'Co masz na myśli, pisząc „inne”?',
  questionOf: (current, total) => `Pytanie ${current} z ${total}`,
  previous: 'Poprzednie pytanie',
  next: 'Następne pytanie',
  send: 'Wyślij',
  codeLabel: 'Twój kod uczestnika',
  codeHint: 'Ten kod znajdziesz w zaproszeniu.',
  closesAt: 'Możesz wziąć udział do {date}.',
  closesAfter: 'Możesz wziąć udział do {date} włącznie.',
  scaleHint: '{min} to najmniej, {max} to najwięcej.',
  errors: {
    required: {
      single: 'Wybierz odpowiedź.',
      multiple: 'Wybierz co najmniej jedną odpowiedź.',
      scale: 'Wybierz liczbę.',
      open: 'Wpisz odpowiedź.',
    },
    otherEmpty: 'Napisz, co masz na myśli, wybierając „inne”.',
    tooLong: {
      one: 'Twoja odpowiedź jest za długa. Użyj najwyżej 1 znaku.',
      few: 'Twoja odpowiedź jest za długa. Użyj najwyżej {n} znaków.',
      many: 'Twoja odpowiedź jest za długa. Użyj najwyżej {n} znaków.',
      other: 'Twoja odpowiedź jest za długa. Użyj najwyżej {n} znaku.',
    },
    codeRequired: 'Wpisz swój kod uczestnika.',
  },
  thanksTitle: 'Dziękujemy za odpowiedź!',
  thanksBody: 'Twoja odpowiedź do nas dotarła.',
  sentLater: 'Twoja odpowiedź została teraz wysłana.',
  queued: 'Teraz nie ma połączenia z internetem. Twoja odpowiedź jest zapisana na tym urządzeniu. Wyślemy ją sami, gdy połączenie wróci.',
  queuedUnsaved: 'Teraz nie ma połączenia z internetem. Nie zamykaj tej strony: wyślemy twoją odpowiedź sami, gdy połączenie wróci.',
  votedTitle: 'Ankieta jest już wypełniona',
  votedBody: 'Na tym urządzeniu ta ankieta jest już wypełniona. Dziękujemy!',
  closedTitle: 'Ta ankieta jest zamknięta',
  closedBody: 'Nie można już wziąć udziału.',
  resultsTitle: 'Wyniki',
  participants: {
    one: 'Udział wziął 1 rodzic.',
    few: 'Udział wzięło {n} rodziców.',
    many: 'Udział wzięło {n} rodziców.',
    other: 'Udział wzięło {n} rodzica.',
  },
  votes: { one: '1 głos', few: '{n} głosy', many: '{n} głosów', other: '{n} głosu' },
  resultsTooFew: 'Wyniki pokażemy później, gdy weźmie udział więcej rodziców.',
  resultsAfterClose: 'Wyniki pokażemy, gdy ankieta zostanie zamknięta.',
  openNotShown: 'Nie pokazujemy odpowiedzi na pytania otwarte.',
};

export default pl;
