import type { Translation } from '../translation.js';

/** Arabic, rendered right-to-left. */
const ar: Translation = {
  languageName: 'العربية',
  loading: 'جارٍ التحميل…',
  loadFailed: 'تعذّر تحميل هذا الجزء الآن؛ حاول مرة أخرى بعد قليل.',
  unavailable: 'هذا الجزء غير متاح الآن.',
  retry: 'حاول مرة أخرى',
  invalidDefinition: (path, problem) => `هذا النموذج غير مُعدّ بشكل صحيح: ${path} ${problem}.`,
  required: 'إلزامي',
  optional: 'اختياري',
  errorPrefix: 'خطأ:',
  errorSummaryTitle: 'هناك مشكلة',
  send: 'إرسال',
  sending: 'جارٍ الإرسال…',
  retrying: 'لم ينجح الإرسال بعد. سنحاول مرة أخرى بعد قليل…',
  queuedTitle: 'لم يُرسل بعد',
  queuedBody: 'لا يوجد اتصال الآن. تم حفظ إجابتك على هذا الجهاز، وسنرسلها تلقائيًا عند عودة الاتصال.',
  queuedBodyUnsaved:
    'لا يوجد اتصال الآن. أبقِ هذه الصفحة مفتوحة: سنرسل إجابتك تلقائيًا عند عودة الاتصال.',
  sentLater: 'تم إرسال إجابتك الآن.',
  failedTitle: 'لم ينجح الإرسال',
  failedBody: 'يُرجى المحاولة مرة أخرى لاحقًا.',
  charactersLeft: {
    zero: 'لا يمكنك كتابة أي حرف آخر',
    one: 'يمكنك كتابة حرف واحد',
    two: 'يمكنك كتابة حرفين',
    few: 'يمكنك كتابة {n} أحرف',
    many: 'يمكنك كتابة {n} حرفًا',
    other: 'يمكنك كتابة {n} حرف',
  },
  charactersTooMany: {
    one: 'لديك حرف واحد زائد',
    two: 'لديك حرفان زائدان',
    few: 'لديك {n} أحرف زائدة',
    many: 'لديك {n} حرفًا زائدًا',
    other: 'لديك {n} حرف زائد',
  },
  privacyLink: 'اقرأ كيف نتعامل مع بياناتك',
  opensInNewWindow: '(يفتح في نافذة جديدة)',
  problems: {
    missing: 'مفقود',
    notText: 'يجب أن يكون نصًا',
    notList: 'يجب أن يكون قائمة',
    notObject: 'يجب أن يكون كائنًا',
    notNumber: 'يجب أن يكون رقمًا',
    notBoolean: 'يجب أن يكون true أو false',
    notDate: 'يجب أن يكون تاريخًا ووقتًا (ISO 8601)',
    oneOf: (choices) => `يجب أن يكون أحد: ${choices}`,
    duplicate: 'مكرر',
    notJson: 'ليس JSON صالحًا',
    unreadable: 'لا يمكن قراءته (انظر وحدة التحكم)',
  },
};

export default ar;
