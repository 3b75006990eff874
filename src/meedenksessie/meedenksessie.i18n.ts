import { defineStrings, type Plural } from '../core/i18n/index.js';

export interface MeedenksessieStrings {
  chooseOne: string;
  chooseMore: string;
  chooseMoreHint: string;
  placesLeft: Plural;
  waitlist: string;
  full: string;
  closed: string;
  online: string;
  noSessions: string;
  name: string;
  email: string;
  emailHint: string;
  /** The hint when the server sends no e-mail: no promise of a confirmation. */
  emailHintNoMail: string;
  phone: string;
  phoneHint: string;
  role: string;
  gemeente: string;
  needs: string;
  needsHint: string;
  remarks: string;
  consent: string;
  submit: string;
  errors: {
    sessionIds: string;
    nameRequired: string;
    nameTooLong: string;
    emailRequired: string;
    emailInvalid: string;
    phoneInvalid: string;
    gemeenteTooLong: string;
    remarksTooLong: string;
    consent: string;
  };
  sessionFull: (session: string) => string;
  joinWaitlistOffer: string;
  joinWaitlistOfferNoMail: string;
  joinWaitlist: string;
  chooseAnother: string;
  deadlinePassed: (session: string) => string;
  confirmedTitle: string;
  waitlistedTitle: string;
  mixedTitle: string;
  sentTitle: string;
  confirmed: string;
  waitlisted: string;
  waitlistedNoMail: string;
  /** Under the confirmation when the server sends e-mail. */
  mailFollows: string;
  sent: string;
  addToCalendar: string;
  cancel: string;
}

const nl: MeedenksessieStrings = {
  chooseOne: 'Kies een sessie',
  chooseMore: 'Kies een of meer sessies',
  chooseMoreHint: 'Je kunt meer dan één sessie kiezen.',
  placesLeft: { one: 'Nog 1 plaats', other: 'Nog {n} plaatsen' },
  waitlist: 'Vol — wachtlijst mogelijk',
  full: 'Vol',
  closed: 'Aanmelden gesloten',
  online: 'online',
  noSessions: 'Er zijn nu geen sessies waarvoor je je kunt aanmelden.',
  name: 'Je naam',
  email: 'Je e-mailadres',
  emailHint: 'We sturen je hier een bevestiging naartoe.',
  emailHintNoMail: 'We gebruiken je e-mailadres alleen voor deze meedenksessies.',
  phone: 'Je telefoonnummer',
  phoneHint: 'Zodat we je kunnen bellen als er iets verandert.',
  role: 'Wie ben je?',
  gemeente: 'In welke gemeente woon je?',
  needs: 'Wat helpt jou om mee te doen?',
  needsHint: 'Kies wat je nodig hebt. Wij regelen het als dat kan.',
  remarks: 'Wil je nog iets kwijt?',
  consent: 'Ik geef toestemming om mijn gegevens te gebruiken voor deze meedenksessies.',
  submit: 'Aanmelden',
  errors: {
    sessionIds: 'Kies een sessie.',
    nameRequired: 'Vul je naam in.',
    nameTooLong: 'Je naam is te lang. Gebruik hoogstens 200 tekens.',
    emailRequired: 'Vul je e-mailadres in.',
    emailInvalid: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
    phoneInvalid: 'Vul een telefoonnummer in zoals 06 12345678, of laat het leeg.',
    gemeenteTooLong: 'De naam van de gemeente is te lang. Gebruik hoogstens 100 tekens.',
    remarksTooLong: 'Je opmerking is te lang. Gebruik hoogstens 2000 tekens.',
    consent: 'Geef toestemming, anders kunnen we je niet aanmelden.',
  },
  sessionFull: (session) => `${session} is net vol geraakt.`,
  joinWaitlistOffer: 'Je kunt op de wachtlijst. Komt er een plaats vrij, dan krijg je bericht.',
  joinWaitlistOfferNoMail: 'Je kunt op de wachtlijst. Komt er een plaats vrij, dan gaat die naar de eerste op de lijst.',
  joinWaitlist: 'Zet me op de wachtlijst',
  chooseAnother: 'Je kunt ook hieronder een andere sessie kiezen.',
  deadlinePassed: (session) => `Aanmelden voor ${session} is gesloten.`,
  confirmedTitle: 'Je bent aangemeld',
  waitlistedTitle: 'Je staat op de wachtlijst',
  mixedTitle: 'Je aanmelding is binnen',
  sentTitle: 'Je aanmelding is verstuurd',
  confirmed: 'Je hebt een plaats.',
  waitlisted: 'Je staat op de wachtlijst. Komt er een plaats vrij, dan krijg je bericht.',
  waitlistedNoMail: 'Je staat op de wachtlijst. Komt er een plaats vrij, dan gaat die naar de eerste op de lijst.',
  mailFollows: 'Je krijgt ook een e-mail met alles op een rij.',
  sent: 'Aanmelding verstuurd.',
  addToCalendar: 'Zet in je agenda',
  cancel: 'Kun je toch niet? Meld je af',
};

const en: MeedenksessieStrings = {
  chooseOne: 'Choose a session',
  chooseMore: 'Choose one or more sessions',
  chooseMoreHint: 'You can choose more than one session.',
  placesLeft: { one: '1 place left', other: '{n} places left' },
  waitlist: 'Full — waiting list open',
  full: 'Full',
  closed: 'Sign-up closed',
  online: 'online',
  noSessions: 'There are no sessions to sign up for at the moment.',
  name: 'Your name',
  email: 'Your email address',
  emailHint: 'We will send your confirmation here.',
  emailHintNoMail: 'We only use your email address for these sessions.',
  phone: 'Your phone number',
  phoneHint: 'So we can call you if something changes.',
  role: 'Who are you?',
  gemeente: 'Which municipality do you live in?',
  needs: 'What would help you take part?',
  needsHint: 'Choose what you need. We will arrange it if we can.',
  remarks: 'Anything else you want to tell us?',
  consent: 'I agree that my details are used for these sessions.',
  submit: 'Sign up',
  errors: {
    sessionIds: 'Choose a session.',
    nameRequired: 'Enter your name.',
    nameTooLong: 'Your name is too long. Use at most 200 characters.',
    emailRequired: 'Enter your email address.',
    emailInvalid: 'Enter an email address like name@example.com.',
    phoneInvalid: 'Enter a phone number like 06 12345678, or leave it empty.',
    gemeenteTooLong: 'The municipality is too long. Use at most 100 characters.',
    remarksTooLong: 'Your remark is too long. Use at most 2000 characters.',
    consent: 'Give your consent, otherwise we cannot sign you up.',
  },
  sessionFull: (session) => `${session} has just filled up.`,
  joinWaitlistOffer: 'You can join the waiting list. If a place comes free, we will let you know.',
  joinWaitlistOfferNoMail: 'You can join the waiting list. If a place comes free, it goes to the first person on the list.',
  joinWaitlist: 'Put me on the waiting list',
  chooseAnother: 'You can also choose another session below.',
  deadlinePassed: (session) => `Sign-up for ${session} has closed.`,
  confirmedTitle: 'You are signed up',
  waitlistedTitle: 'You are on the waiting list',
  mixedTitle: 'We have your sign-up',
  sentTitle: 'Your sign-up has been sent',
  confirmed: 'You have a place.',
  waitlisted: 'You are on the waiting list. If a place comes free, we will let you know.',
  waitlistedNoMail: 'You are on the waiting list. If a place comes free, it goes to the first person on the list.',
  mailFollows: 'You will also get an email with all the details.',
  sent: 'Sign-up sent.',
  addToCalendar: 'Add to your calendar',
  cancel: 'Can’t make it after all? Cancel your sign-up',
};

const ar: MeedenksessieStrings = {
  chooseOne: 'اختر جلسة',
  chooseMore: 'اختر جلسة واحدة أو أكثر',
  chooseMoreHint: 'يمكنك اختيار أكثر من جلسة.',
  placesLeft: {
    zero: 'لا توجد أماكن',
    one: 'بقي مكان واحد',
    two: 'بقي مكانان',
    few: 'بقيت {n} أماكن',
    many: 'بقي {n} مكانًا',
    other: 'بقي {n} مكان',
  },
  waitlist: 'ممتلئة — يمكن التسجيل في قائمة الانتظار',
  full: 'ممتلئة',
  closed: 'التسجيل مغلق',
  online: 'عبر الإنترنت',
  noSessions: 'لا توجد حاليًا جلسات يمكنك التسجيل فيها.',
  name: 'اسمك',
  email: 'بريدك الإلكتروني',
  emailHint: 'سنرسل إليك التأكيد على هذا العنوان.',
  emailHintNoMail: 'نستخدم عنوان بريدك الإلكتروني لهذه الجلسات فقط.',
  phone: 'رقم هاتفك',
  phoneHint: 'حتى نتمكن من الاتصال بك إذا تغيّر شيء.',
  role: 'من أنت؟',
  gemeente: 'في أي بلدية تسكن؟',
  needs: 'ما الذي يساعدك على المشاركة؟',
  needsHint: 'اختر ما تحتاج إليه. سنرتّبه إن أمكن.',
  remarks: 'هل تريد أن تضيف شيئًا؟',
  consent: 'أوافق على استخدام بياناتي لهذه الجلسات.',
  submit: 'سجّلني',
  errors: {
    sessionIds: 'اختر جلسة.',
    nameRequired: 'اكتب اسمك.',
    nameTooLong: 'اسمك طويل جدًا. استخدم 200 حرف على الأكثر.',
    emailRequired: 'اكتب بريدك الإلكتروني.',
    emailInvalid: 'اكتب بريدًا إلكترونيًا مثل name@example.nl.',
    phoneInvalid: 'اكتب رقم هاتف مثل 06 12345678، أو اتركه فارغًا.',
    gemeenteTooLong: 'اسم البلدية طويل جدًا. استخدم 100 حرف على الأكثر.',
    remarksTooLong: 'ملاحظتك طويلة جدًا. استخدم 2000 حرف على الأكثر.',
    consent: 'أعطِ موافقتك، وإلا لا يمكننا تسجيلك.',
  },
  sessionFull: (session) => `امتلأت جلسة ${session} للتو.`,
  joinWaitlistOffer: 'يمكنك التسجيل في قائمة الانتظار. إذا توفّر مكان، سنخبرك.',
  joinWaitlistOfferNoMail: 'يمكنك التسجيل في قائمة الانتظار. إذا توفّر مكان، يذهب إلى أول شخص في القائمة.',
  joinWaitlist: 'ضعني في قائمة الانتظار',
  chooseAnother: 'يمكنك أيضًا اختيار جلسة أخرى أدناه.',
  deadlinePassed: (session) => `انتهى التسجيل في ${session}.`,
  confirmedTitle: 'تم تسجيلك',
  waitlistedTitle: 'أنت في قائمة الانتظار',
  mixedTitle: 'وصلنا تسجيلك',
  sentTitle: 'تم إرسال تسجيلك',
  confirmed: 'لديك مكان.',
  waitlisted: 'أنت في قائمة الانتظار. إذا توفّر مكان، سنخبرك.',
  waitlistedNoMail: 'أنت في قائمة الانتظار. إذا توفّر مكان، يذهب إلى أول شخص في القائمة.',
  mailFollows: 'ستصلك أيضًا رسالة بريد إلكتروني فيها كل التفاصيل.',
  sent: 'تم إرسال التسجيل.',
  addToCalendar: 'أضِف إلى تقويمك',
  cancel: 'لا تستطيع الحضور؟ ألغِ تسجيلك',
};

export const meedenksessieStrings = defineStrings<MeedenksessieStrings>({ nl, en, ar });
