import { defineStrings, type Plural } from '../core/i18n/index.js';
import type { ErvaringProblem } from './ervaring.js';

/** The words of `<ouder-ervaring>`; nl is the reference (plain B1 Dutch). */
export interface ErvaringStrings {
  helpTitle: string;
  helpIntro: string;
  kindertelefoon: string;
  veiligThuis: string;
  notForEmergencies: string;
  draftRestored: string;
  discardDraft: string;
  draftDiscarded: string;
  storyLabel: string;
  promptsIntro: string;
  namesWarning: string;
  minLength: Plural;
  themesLabel: string;
  themesHint: string;
  regionLabel: string;
  regionPlaceholder: string;
  levelLabel: string;
  contactLabel: string;
  contactNo: string;
  contactYes: string;
  contactHint: string;
  nameLabel: string;
  emailLabel: string;
  emailHint: string;
  /** Only when the server sends e-mail. */
  sendCode: string;
  codeMailed: string;
  consentLabel: string;
  consentOptions: { internal: string; 'quote-anonymous': string; 'first-name': string };
  firstNameHint: string;
  whoReads: string;
  retention: Plural;
  retentionUnknown: string;
  withdrawLater: string;
  send: string;
  problems: Record<Exclude<ErvaringProblem, 'story-too-short' | 'story-too-long'>, string> & {
    'story-too-short': Plural;
    'story-too-long': Plural;
  };
  thanksTitle: string;
  thanksBody: string;
  nextSteps: string;
  withdrawTitle: string;
  withdrawCodeLabel: string;
  withdrawKeep: string;
  withdrawLink: string;
  copy: string;
  copied: string;
  copyFailed: string;
  sentLaterNoCode: string;
  shareAnother: string;
}

const nl: ErvaringStrings = {
  helpTitle: 'Heb je nu hulp nodig?',
  helpIntro: 'Dit formulier is niet voor noodgevallen. We lezen je verhaal niet meteen. Praat met iemand die nu kan helpen:',
  kindertelefoon: 'Kindertelefoon (voor kinderen en jongeren): bel gratis',
  veiligThuis: 'Veilig Thuis (bij huiselijk geweld of kindermishandeling): bel gratis',
  notForEmergencies: 'Is er direct gevaar? Bel 112.',
  draftRestored: 'We hebben je concept bewaard. Je kunt verder schrijven waar je gebleven was.',
  discardDraft: 'Concept weggooien',
  draftDiscarded: 'Je concept is weggegooid.',
  storyLabel: 'Jouw verhaal',
  promptsIntro: 'Je kunt bijvoorbeeld schrijven over:',
  namesWarning:
    'Schrijf geen volledige namen van kinderen, leraren of hulpverleners. "Mijn zoon" of "de juf" is genoeg.',
  minLength: { one: 'Schrijf minstens 1 teken.', other: 'Schrijf minstens {n} tekens.' },
  themesLabel: 'Waar gaat je verhaal over?',
  themesHint: 'Kies een of meer onderwerpen.',
  regionLabel: 'In welke regio of gemeente speelt het?',
  regionPlaceholder: 'Kies een regio',
  levelLabel: 'Waar gaat het vooral over?',
  contactLabel: 'Mogen we contact met je opnemen over je verhaal?',
  contactNo: 'Nee, ik blijf anoniem',
  contactYes: 'Ja, dat mag',
  contactHint: 'Als je anoniem blijft, vragen we niet om je naam of e-mailadres.',
  nameLabel: 'Je naam',
  emailLabel: 'Je e-mailadres',
  emailHint: 'We gebruiken je e-mailadres alleen om over dit verhaal contact op te nemen.',
  sendCode: 'Stuur me de code om mijn verhaal in te trekken ook per e-mail',
  codeMailed: 'We sturen je de code ook per e-mail.',
  consentLabel: 'Wat mogen we met je verhaal doen?',
  consentOptions: {
    internal: 'Alleen gebruiken om zelf van te leren. Niemand anders leest het.',
    'quote-anonymous': 'Stukjes eruit gebruiken, zonder naam. Bijvoorbeeld in een verslag of op een website.',
    'first-name': 'Het verhaal delen met mijn voornaam erbij.',
  },
  firstNameHint: 'Kies dan hierboven dat we contact met je mogen opnemen en vul je voornaam in.',
  whoReads: 'Je verhaal wordt gelezen door de mensen die dit formulier hebben gemaakt. Zij gebruiken het alleen zoals jij hier kiest.',
  retention: {
    one: 'We bewaren je verhaal 1 dag. Daarna verwijderen we het.',
    other: 'We bewaren je verhaal {n} dagen. Daarna verwijderen we het.',
  },
  retentionUnknown: 'We bewaren je verhaal niet langer dan nodig.',
  withdrawLater: 'Na het versturen krijg je een code. Daarmee kun je je verhaal altijd weer laten verwijderen.',
  send: 'Verhaal versturen',
  problems: {
    'story-required': 'Schrijf je verhaal',
    'story-too-short': { one: 'Je verhaal moet minstens 1 teken hebben', other: 'Je verhaal moet minstens {n} tekens hebben' },
    'story-too-long': { one: 'Je verhaal mag hoogstens 1 teken hebben', other: 'Je verhaal mag hoogstens {n} tekens hebben' },
    'themes-required': 'Kies minstens één onderwerp',
    'email-required': 'Vul je e-mailadres in, of kies dat we geen contact opnemen',
    'email-invalid': 'Vul een e-mailadres in zoals naam@voorbeeld.nl',
    'consent-required': 'Kies wat we met je verhaal mogen doen',
    'consent-needs-name':
      'Je wilt je voornaam erbij. Kies dan dat we contact mogen opnemen en vul je naam in, of kies iets anders',
  },
  thanksTitle: 'Bedankt voor je verhaal',
  thanksBody: 'Fijn dat je je ervaring wilt delen. Dat helpt ons om beter te luisteren naar ouders.',
  nextSteps: 'Wat gebeurt er nu? We lezen je verhaal en gebruiken het alleen zoals jij hebt gekozen.',
  withdrawTitle: 'Wil je je verhaal later terugtrekken?',
  withdrawCodeLabel: 'Je code:',
  withdrawKeep: 'Bewaar deze code goed. Met de code laat je je verhaal verwijderen, zonder uitleg.',
  withdrawLink: 'Verhaal terugtrekken',
  copy: 'Code kopiëren',
  copied: 'De code is gekopieerd.',
  copyFailed: 'Kopiëren lukte niet. Schrijf de code over.',
  sentLaterNoCode: 'Je verhaal is alsnog verstuurd.',
  shareAnother: 'Nog een verhaal delen',
};

const en: ErvaringStrings = {
  helpTitle: 'Do you need help right now?',
  helpIntro: 'This form is not for emergencies. We do not read your story straight away. Talk to someone who can help now:',
  kindertelefoon: 'Kindertelefoon (for children and young people): free call',
  veiligThuis: 'Veilig Thuis (domestic violence or child abuse): free call',
  notForEmergencies: 'Is someone in danger right now? Call 112.',
  draftRestored: 'We kept your draft. You can carry on where you left off.',
  discardDraft: 'Discard draft',
  draftDiscarded: 'Your draft has been discarded.',
  storyLabel: 'Your story',
  promptsIntro: 'You could write about, for example:',
  namesWarning: 'Do not write the full names of children, teachers or care workers. "My son" or "the teacher" is enough.',
  minLength: { one: 'Write at least 1 character.', other: 'Write at least {n} characters.' },
  themesLabel: 'What is your story about?',
  themesHint: 'Choose one or more topics.',
  regionLabel: 'In which region or municipality did it happen?',
  regionPlaceholder: 'Choose a region',
  levelLabel: 'What is it mainly about?',
  contactLabel: 'May we contact you about your story?',
  contactNo: 'No, I stay anonymous',
  contactYes: 'Yes, you may',
  contactHint: 'If you stay anonymous, we do not ask for your name or e-mail address.',
  nameLabel: 'Your name',
  emailLabel: 'Your e-mail address',
  emailHint: 'We only use your e-mail address to contact you about this story.',
  sendCode: 'Also send me the code to withdraw my story by e-mail',
  codeMailed: 'We will also send you the code by e-mail.',
  consentLabel: 'What may we do with your story?',
  consentOptions: {
    internal: 'Only use it to learn from ourselves. Nobody else reads it.',
    'quote-anonymous': 'Quote parts of it without a name, for example in a report or on a website.',
    'first-name': 'Share the story with my first name.',
  },
  firstNameHint: 'Then also choose above that we may contact you, and fill in your first name.',
  whoReads: 'Your story is read by the people who made this form. They only use it the way you choose here.',
  retention: {
    one: 'We keep your story for 1 day. Then we delete it.',
    other: 'We keep your story for {n} days. Then we delete it.',
  },
  retentionUnknown: 'We do not keep your story longer than needed.',
  withdrawLater: 'After sending you get a code. With it you can have your story deleted at any time.',
  send: 'Send story',
  problems: {
    'story-required': 'Write your story',
    'story-too-short': { one: 'Your story must have at least 1 character', other: 'Your story must have at least {n} characters' },
    'story-too-long': { one: 'Your story can have at most 1 character', other: 'Your story can have at most {n} characters' },
    'themes-required': 'Choose at least one topic',
    'email-required': 'Enter your e-mail address, or choose that we do not contact you',
    'email-invalid': 'Enter an e-mail address like name@example.com',
    'consent-required': 'Choose what we may do with your story',
    'consent-needs-name': 'You want your first name with it. Then choose that we may contact you and enter your name, or choose something else',
  },
  thanksTitle: 'Thank you for your story',
  thanksBody: 'Thank you for sharing your experience. It helps us listen better to parents.',
  nextSteps: 'What happens now? We read your story and only use it the way you chose.',
  withdrawTitle: 'Want to take your story back later?',
  withdrawCodeLabel: 'Your code:',
  withdrawKeep: 'Keep this code safe. With it you can have your story deleted, no questions asked.',
  withdrawLink: 'Withdraw story',
  copy: 'Copy code',
  copied: 'The code has been copied.',
  copyFailed: 'Copying did not work. Please write the code down.',
  sentLaterNoCode: 'Your story has now been sent.',
  shareAnother: 'Share another story',
};

const ar: ErvaringStrings = {
  helpTitle: 'هل تحتاج إلى مساعدة الآن؟',
  helpIntro: 'هذا النموذج ليس لحالات الطوارئ. لا نقرأ قصتك على الفور. تحدّث مع شخص يستطيع المساعدة الآن:',
  kindertelefoon: 'Kindertelefoon (للأطفال والشباب): اتصال مجاني',
  veiligThuis: 'Veilig Thuis (العنف المنزلي أو إساءة معاملة الأطفال): اتصال مجاني',
  notForEmergencies: 'هل يوجد خطر مباشر؟ اتصل بالرقم 112.',
  draftRestored: 'لقد حفظنا مسودتك. يمكنك المتابعة من حيث توقفت.',
  discardDraft: 'حذف المسودة',
  draftDiscarded: 'تم حذف مسودتك.',
  storyLabel: 'قصتك',
  promptsIntro: 'يمكنك مثلًا أن تكتب عن:',
  namesWarning: 'لا تكتب الأسماء الكاملة للأطفال أو المعلمين أو العاملين في الرعاية. تكفي عبارة "ابني" أو "المعلمة".',
  minLength: { one: 'الحد الأدنى لعدد الأحرف: {n}.', other: 'الحد الأدنى لعدد الأحرف: {n}.' },
  themesLabel: 'عمّ تتحدث قصتك؟',
  themesHint: 'اختر موضوعًا واحدًا أو أكثر.',
  regionLabel: 'في أي منطقة أو بلدية حدث ذلك؟',
  regionPlaceholder: 'اختر منطقة',
  levelLabel: 'عمّ يدور الأمر أساسًا؟',
  contactLabel: 'هل يمكننا التواصل معك بشأن قصتك؟',
  contactNo: 'لا، أبقى مجهول الهوية',
  contactYes: 'نعم، يمكنكم ذلك',
  contactHint: 'إذا بقيت مجهول الهوية، فلن نطلب اسمك أو بريدك الإلكتروني.',
  nameLabel: 'اسمك',
  emailLabel: 'بريدك الإلكتروني',
  emailHint: 'نستخدم بريدك الإلكتروني فقط للتواصل معك بشأن هذه القصة.',
  sendCode: 'أرسل لي أيضًا رمز سحب قصتي بالبريد الإلكتروني',
  codeMailed: 'سنرسل إليك الرمز بالبريد الإلكتروني أيضًا.',
  consentLabel: 'ماذا يمكننا أن نفعل بقصتك؟',
  consentOptions: {
    internal: 'استخدامها فقط لنتعلم منها. لا يقرأها أحد غيرنا.',
    'quote-anonymous': 'اقتباس أجزاء منها دون اسم، مثلًا في تقرير أو على موقع إلكتروني.',
    'first-name': 'مشاركة القصة مع اسمي الأول.',
  },
  firstNameHint: 'اختر عندها في الأعلى أنه يمكننا التواصل معك، واكتب اسمك الأول.',
  whoReads: 'يقرأ قصتك الأشخاص الذين أعدّوا هذا النموذج. ويستخدمونها فقط بالطريقة التي تختارها هنا.',
  retention: {
    zero: 'نحتفظ بقصتك {n} يوم. ثم نحذفها.',
    one: 'نحتفظ بقصتك يومًا واحدًا. ثم نحذفها.',
    two: 'نحتفظ بقصتك يومين. ثم نحذفها.',
    few: 'نحتفظ بقصتك {n} أيام. ثم نحذفها.',
    many: 'نحتفظ بقصتك {n} يومًا. ثم نحذفها.',
    other: 'نحتفظ بقصتك {n} يوم. ثم نحذفها.',
  },
  retentionUnknown: 'لا نحتفظ بقصتك أطول من اللازم.',
  withdrawLater: 'بعد الإرسال تحصل على رمز. يمكنك به أن تطلب حذف قصتك في أي وقت.',
  send: 'إرسال القصة',
  problems: {
    'story-required': 'اكتب قصتك',
    'story-too-short': { one: 'قصتك قصيرة جدًا. الحد الأدنى لعدد الأحرف: {n}', other: 'قصتك قصيرة جدًا. الحد الأدنى لعدد الأحرف: {n}' },
    'story-too-long': { one: 'قصتك طويلة جدًا. الحد الأقصى لعدد الأحرف: {n}', other: 'قصتك طويلة جدًا. الحد الأقصى لعدد الأحرف: {n}' },
    'themes-required': 'اختر موضوعًا واحدًا على الأقل',
    'email-required': 'اكتب بريدك الإلكتروني، أو اختر ألا نتواصل معك',
    'email-invalid': 'اكتب بريدًا إلكترونيًا مثل name@example.com',
    'consent-required': 'اختر ما يمكننا فعله بقصتك',
    'consent-needs-name': 'تريد إضافة اسمك الأول. اختر عندها أنه يمكننا التواصل معك واكتب اسمك، أو اختر شيئًا آخر',
  },
  thanksTitle: 'شكرًا على قصتك',
  thanksBody: 'شكرًا لأنك شاركت تجربتك. هذا يساعدنا على الإصغاء إلى الآباء والأمهات بشكل أفضل.',
  nextSteps: 'ماذا يحدث الآن؟ نقرأ قصتك ونستخدمها فقط بالطريقة التي اخترتها.',
  withdrawTitle: 'هل تريد سحب قصتك لاحقًا؟',
  withdrawCodeLabel: 'رمزك:',
  withdrawKeep: 'احتفظ بهذا الرمز جيدًا. به يمكنك أن تطلب حذف قصتك دون أن تشرح السبب.',
  withdrawLink: 'سحب القصة',
  copy: 'نسخ الرمز',
  copied: 'تم نسخ الرمز.',
  copyFailed: 'لم ينجح النسخ. يرجى كتابة الرمز.',
  sentLaterNoCode: 'تم إرسال قصتك الآن.',
  shareAnother: 'مشاركة قصة أخرى',
};

export const ervaringStrings = defineStrings<ErvaringStrings>({ nl, en, ar });
