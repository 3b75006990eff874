/** Error codes the API answers with, and their messages in Dutch (default), English and Arabic, the widgets' languages. */
const MESSAGES = {
  required: { nl: 'Dit veld is verplicht.', en: 'This field is required.', ar: 'هذا الحقل مطلوب.' },
  'invalid-email': { nl: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.', en: 'Enter a valid e-mail address, like name@example.com.', ar: 'اكتب عنوان بريد إلكتروني صحيحًا، مثل name@example.nl.' },
  'invalid-format': { nl: 'Deze waarde heeft niet de juiste vorm.', en: 'This value does not have the right format.', ar: 'هذه القيمة ليست بالشكل الصحيح.' },
  'invalid-type': { nl: 'Deze waarde heeft niet het juiste type.', en: 'This value has the wrong type.', ar: 'هذه القيمة من نوع غير صحيح.' },
  'invalid-value': { nl: 'Deze keuze bestaat niet.', en: 'This choice does not exist.', ar: 'هذا الاختيار غير موجود.' },
  'too-short': { nl: 'Dit is te kort.', en: 'This is too short.', ar: 'هذا قصير جدًا.' },
  'too-long': { nl: 'Dit is te lang.', en: 'This is too long.', ar: 'هذا طويل جدًا.' },
  'too-many': { nl: 'Je hebt te veel gekozen.', en: 'You chose too many.', ar: 'لقد اخترت أكثر من اللازم.' },
  'consent-needs-name': {
    nl: 'Je koos dat we je verhaal met je voornaam mogen delen. Vul dan ook je voornaam in.',
    en: 'You chose that we may share your story with your first name. Then also fill in your first name.',
    ar: 'اخترت أنه يمكننا مشاركة قصتك مع اسمك الأول. اكتب إذن اسمك الأول أيضًا.',
  },
  'out-of-range': { nl: 'Kies een waarde binnen de schaal.', en: 'Choose a value within the scale.', ar: 'اختر قيمة ضمن المقياس.' },
  'unknown-field': { nl: 'Dit veld wordt niet verwacht.', en: 'This field is not expected.', ar: 'هذا الحقل غير متوقع.' },
  'unknown-question': { nl: 'Deze vraag bestaat niet.', en: 'This question does not exist.', ar: 'هذا السؤال غير موجود.' },
  'unknown-session': { nl: 'Deze sessie bestaat niet.', en: 'This session does not exist.', ar: 'هذه الجلسة غير موجودة.' },
  'form-mismatch': { nl: 'Dit formulier hoort niet bij dit adres.', en: 'This form does not belong to this address.', ar: 'هذا النموذج لا ينتمي إلى هذا العنوان.' },
  'type-mismatch': { nl: 'Het soort formulier klopt niet.', en: 'The form type does not match.', ar: 'نوع النموذج غير صحيح.' },
  'idempotency-key-mismatch': {
    nl: 'De kop Idempotency-Key moet gelijk zijn aan submissionId.',
    en: 'The Idempotency-Key header must equal submissionId.',
    ar: 'يجب أن تساوي الترويسة Idempotency-Key قيمة submissionId.',
  },
  'idempotency-key-reused': {
    nl: 'Deze inzending is al eerder met andere inhoud verstuurd.',
    en: 'This submission was already sent with different content.',
    ar: 'أُرسلت هذه المشاركة من قبل بمحتوى مختلف.',
  },
  'already-voted': { nl: 'Je hebt al meegedaan aan deze peiling.', en: 'You have already taken part in this poll.', ar: 'لقد شاركت في هذا الاستطلاع من قبل.' },
  'poll-closed': { nl: 'Deze peiling is gesloten.', en: 'This poll is closed.', ar: 'هذا الاستطلاع مغلق.' },
  'code-used': { nl: 'Deze deelnamecode is al gebruikt.', en: 'This participation code has already been used.', ar: 'رمز المشاركة هذا مستخدم من قبل.' },
  'code-invalid': { nl: 'Deze deelnamecode kennen we niet. Controleer de code.', en: 'We do not know this participation code. Check the code.', ar: 'لا نعرف رمز المشاركة هذا. تحقق من الرمز.' },
  withdrawn: {
    nl: 'Dit verhaal is ingetrokken en verwijderd.',
    en: 'This story was withdrawn and deleted.',
    ar: 'تم سحب هذه القصة وحذفها.',
  },
  'session-full': { nl: 'Deze sessie is vol.', en: 'This session is full.', ar: 'هذه الجلسة ممتلئة.' },
  'form-closed': { nl: 'Dit formulier is gesloten.', en: 'This form is closed.', ar: 'هذا النموذج مغلق.' },
  'deadline-passed': { nl: 'Aanmelden voor deze sessie is gesloten.', en: 'Sign-up for this session has closed.', ar: 'انتهى التسجيل في هذه الجلسة.' },
  'unsupported-media-type': { nl: 'Stuur de gegevens als JSON.', en: 'Send the data as JSON.', ar: 'أرسل البيانات بصيغة JSON.' },
  'payload-too-large': { nl: 'De inzending is te groot.', en: 'The submission is too large.', ar: 'المشاركة كبيرة جدًا.' },
  'request-timeout': { nl: 'Het versturen duurde te lang. Probeer het opnieuw.', en: 'Sending took too long. Please try again.', ar: 'استغرق الإرسال وقتًا طويلًا. حاول مرة أخرى.' },
  'headers-too-large': { nl: 'Het verzoek heeft te grote kopregels.', en: 'The request headers are too large.', ar: 'ترويسات الطلب كبيرة جدًا.' },
  unavailable: {
    nl: 'De server kan je inzending nu niet opslaan. Probeer het zo opnieuw.',
    en: 'The server cannot store your submission right now. Please try again shortly.',
    ar: 'لا يستطيع الخادم حفظ مشاركتك الآن. حاول مرة أخرى بعد قليل.',
  },
  'bad-request': { nl: 'Het verzoek kon niet worden gelezen.', en: 'The request could not be read.', ar: 'تعذرت قراءة الطلب.' },
  'not-found': { nl: 'Niet gevonden.', en: 'Not found.', ar: 'غير موجود.' },
  'origin-not-allowed': {
    nl: 'Deze website mag geen gegevens naar deze server sturen.',
    en: 'This website may not send data to this server.',
    ar: 'لا يُسمح لهذا الموقع بإرسال بيانات إلى هذا الخادم.',
  },
  'rate-limited': { nl: 'Te veel verzoeken. Probeer het straks opnieuw.', en: 'Too many requests. Please try again later.', ar: 'طلبات كثيرة جدًا. حاول مرة أخرى بعد قليل.' },
  unauthorized: { nl: 'Geen toegang.', en: 'Not authorised.', ar: 'لا يوجد إذن بالدخول.' },
  internal: { nl: 'Er ging iets mis op de server. Probeer het later opnieuw.', en: 'Something went wrong on the server. Please try again later.', ar: 'حدث خطأ في الخادم. حاول مرة أخرى لاحقًا.' },
} as const;

export type ErrorCode = keyof typeof MESSAGES;
export type Lang = 'nl' | 'en' | 'ar';

export interface FieldError {
  field?: string;
  code: ErrorCode;
  message: string;
  session?: string;
}

export function langOf(value: unknown): Lang {
  const tag = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return tag.startsWith('en') ? 'en' : tag.startsWith('ar') ? 'ar' : 'nl';
}

export function fieldError(code: ErrorCode, lang: Lang, field?: string, extra: { session?: string } = {}): FieldError {
  return { ...(field === undefined ? {} : { field }), code, ...extra, message: MESSAGES[code][lang] };
}

/** One entry of an `{ errors }` answer: the parent-facing ones above, or the console's own (Dutch only). */
export interface Problem {
  field?: string;
  code: string;
  message: string;
  session?: string;
}

/** An answer that ends request handling: status plus `{ errors }`, or no body at all. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errors?: readonly Problem[],
  ) {
    super(errors?.map((error) => error.code).join(', ') ?? `HTTP ${statusCode}`);
  }
}
