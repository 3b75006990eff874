import { defineStrings, type Plural } from '../core/i18n/index.js';

export interface PeilingStrings {
  other: string;
  otherLabel: string;
  questionOf: (current: number, total: number) => string;
  previous: string;
  next: string;
  codeLabel: string;
  codeHint: string;
  closesAt: (date: string) => string;
  scaleHint: (min: string, max: string) => string;
  errors: {
    required: Record<'single' | 'multiple' | 'scale' | 'open', string>;
    otherEmpty: string;
    tooLong: Plural;
    codeRequired: string;
  };
  thanksTitle: string;
  thanksBody: string;
  votedTitle: string;
  votedBody: string;
  closedTitle: string;
  closedBody: string;
  resultsTitle: string;
  participants: Plural;
  votes: Plural;
  resultsTooFew: string;
  resultsAfterClose: string;
  openNotShown: string;
}

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

const en: PeilingStrings = {
  other: 'Other',
  otherLabel: 'What do you mean by other?',
  questionOf: (current, total) => `Question ${current} of ${total}`,
  previous: 'Previous question',
  next: 'Next question',
  codeLabel: 'Your participation code',
  codeHint: 'You can find this code in the invitation you received.',
  closesAt: (date) => `You can take part until ${date}.`,
  scaleHint: (min, max) => `${min} is the lowest, ${max} the highest.`,
  errors: {
    required: {
      single: 'Choose an answer.',
      multiple: 'Choose at least one answer.',
      scale: 'Choose a number.',
      open: 'Enter an answer.',
    },
    otherEmpty: 'Write down what you mean by other.',
    tooLong: { one: 'Your answer is too long. Use at most 1 character.', other: 'Your answer is too long. Use at most {n} characters.' },
    codeRequired: 'Enter your participation code.',
  },
  thanksTitle: 'Thank you for your answer!',
  thanksBody: 'Your answer has arrived.',
  votedTitle: 'You have already taken part',
  votedBody: 'This poll has already been filled in on this device. Thank you!',
  closedTitle: 'This poll is closed',
  closedBody: 'It is no longer possible to take part.',
  resultsTitle: 'Results',
  participants: { one: '1 parent took part.', other: '{n} parents took part.' },
  votes: { one: '1 vote', other: '{n} votes' },
  resultsTooFew: 'The results will follow once more parents have taken part.',
  resultsAfterClose: 'The results will be shown when the poll has closed.',
  openNotShown: 'We do not show answers to open questions.',
};

const ar: PeilingStrings = {
  other: 'غير ذلك',
  otherLabel: 'ماذا تقصد بغير ذلك؟',
  questionOf: (current, total) => `السؤال ${current} من ${total}`,
  previous: 'السؤال السابق',
  next: 'السؤال التالي',
  codeLabel: 'رمز المشاركة الخاص بك',
  codeHint: 'تجد هذا الرمز في الدعوة التي تلقيتها.',
  closesAt: (date) => `يمكنك المشاركة حتى ${date}.`,
  scaleHint: (min, max) => `${min} هو الأدنى، و${max} هو الأعلى.`,
  errors: {
    required: {
      single: 'اختر إجابة.',
      multiple: 'اختر إجابة واحدة على الأقل.',
      scale: 'اختر رقمًا.',
      open: 'اكتب إجابة.',
    },
    otherEmpty: 'اكتب ما تقصده بغير ذلك.',
    tooLong: { one: 'إجابتك طويلة جدًا. استخدم حرفًا واحدًا على الأكثر.', other: 'إجابتك طويلة جدًا. استخدم {n} حرفًا على الأكثر.' },
    codeRequired: 'أدخل رمز المشاركة.',
  },
  thanksTitle: 'شكرًا على إجابتك!',
  thanksBody: 'وصلت إجابتك بنجاح.',
  votedTitle: 'لقد شاركت بالفعل',
  votedBody: 'تمت تعبئة هذا الاستطلاع على هذا الجهاز من قبل. شكرًا لك!',
  closedTitle: 'هذا الاستطلاع مغلق',
  closedBody: 'لم تعد المشاركة ممكنة.',
  resultsTitle: 'النتائج',
  participants: { one: 'شارك والد واحد.', two: 'شارك والدان.', other: 'شارك {n} من الآباء.' },
  votes: { one: 'صوت واحد', two: 'صوتان', few: '{n} أصوات', other: '{n} صوت' },
  resultsTooFew: 'ستظهر النتائج لاحقًا عندما يشارك عدد أكبر من الآباء.',
  resultsAfterClose: 'ستظهر النتائج عند إغلاق الاستطلاع.',
  openNotShown: 'لا نعرض الإجابات على الأسئلة المفتوحة.',
};

export const peilingStrings = defineStrings<PeilingStrings>({ nl, en, ar });
