import type { PeilingStrings } from '../peiling.i18n.js';

/** Dutch, plain language (B1): the reference. */
const nl: PeilingStrings = {
  other: 'Anders',
  otherLabel: 'Wat bedoel je met anders?',
  questionOf: (current, total) => `Vraag ${current} van ${total}`,
  previous: 'Vorige vraag',
  next: 'Volgende vraag',
  codeLabel: 'Je deelnamecode',
  codeHint: 'Deze code staat in de uitnodiging die je kreeg.',
  closesAt: (date) => `Meedoen kan tot ${date}.`,
  scaleHint: (min, max) => `${min} is het laagst, ${max} het hoogst.`,
  errors: {
    required: {
      single: 'Kies een antwoord.',
      multiple: 'Kies minstens één antwoord.',
      scale: 'Kies een cijfer.',
      open: 'Vul een antwoord in.',
    },
    otherEmpty: 'Schrijf op wat je bedoelt met anders.',
    tooLong: { one: 'Je antwoord is te lang. Gebruik hoogstens 1 teken.', other: 'Je antwoord is te lang. Gebruik hoogstens {n} tekens.' },
    codeRequired: 'Vul je deelnamecode in.',
  },
  thanksTitle: 'Bedankt voor je antwoord!',
  thanksBody: 'Je antwoord is goed aangekomen.',
  votedTitle: 'Je hebt al meegedaan',
  votedBody: 'Op dit apparaat is deze peiling al ingevuld. Bedankt!',
  closedTitle: 'Deze peiling is gesloten',
  closedBody: 'Meedoen kan niet meer.',
  resultsTitle: 'Uitslag',
  participants: { one: '1 ouder deed mee.', other: '{n} ouders deden mee.' },
  votes: { one: '1 stem', other: '{n} stemmen' },
  resultsTooFew: 'De uitslag komt later, als meer ouders hebben meegedaan.',
  resultsAfterClose: 'De uitslag komt als de peiling is gesloten.',
  openNotShown: 'Antwoorden op open vragen tonen we niet.',
};

export default nl;
