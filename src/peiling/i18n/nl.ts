import type { Registers } from '../../core/i18n/index.js';
import type { PeilingStrings } from '../peiling.i18n.js';

const je: PeilingStrings = {
  other: 'Anders',
  otherLabel: 'Wat bedoel je met anders?',
  questionOf: (current, total) => `Vraag ${current} van ${total}`,
  previous: 'Vorige vraag',
  next: 'Volgende vraag',
  send: 'Versturen',
  codeLabel: 'Je deelnamecode',
  codeHint: 'Deze code staat in de uitnodiging die je kreeg.',
  closesAt: 'Meedoen kan tot {date}.',
  closesAfter: 'Meedoen kan tot en met {date}.',
  scaleHint: '{min} is het laagst, {max} het hoogst.',
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
  sentLater: 'Je antwoord is alsnog verstuurd.',
  queued: 'Er is nu geen verbinding. Je antwoord is bewaard op dit apparaat. We versturen het vanzelf zodra er weer verbinding is.',
  queuedUnsaved: 'Er is nu geen verbinding. Laat deze pagina open: we versturen je antwoord vanzelf zodra er weer verbinding is.',
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

const u: PeilingStrings = {
  ...je,
  otherLabel: 'Wat bedoelt u met anders?',
  codeLabel: 'Uw deelnamecode',
  codeHint: 'Deze code staat in de uitnodiging die u kreeg.',
  errors: {
    ...je.errors,
    otherEmpty: 'Schrijf op wat u bedoelt met anders.',
    tooLong: { one: 'Uw antwoord is te lang. Gebruik hoogstens 1 teken.', other: 'Uw antwoord is te lang. Gebruik hoogstens {n} tekens.' },
    codeRequired: 'Vul uw deelnamecode in.',
  },
  thanksTitle: 'Bedankt voor uw antwoord!',
  thanksBody: 'Uw antwoord is goed aangekomen.',
  sentLater: 'Uw antwoord is alsnog verstuurd.',
  queued: 'Er is nu geen verbinding. Uw antwoord is bewaard op dit apparaat. We versturen het vanzelf zodra er weer verbinding is.',
  queuedUnsaved: 'Er is nu geen verbinding. Laat deze pagina open: we versturen uw antwoord vanzelf zodra er weer verbinding is.',
  votedTitle: 'U heeft al meegedaan',
};

const nl: Registers<PeilingStrings> = { je, u };

export default nl;
