import type { Translation } from '../translation.js';

/** Arabic, rendered right-to-left. */
const ar: Translation = {
  loading: 'جارٍ التحميل…',
  loadFailed: 'تعذّر تحميل هذا الجزء الآن؛ حاول مرة أخرى بعد قليل.',
  unavailable: 'هذا الجزء غير متاح الآن.',
  unavailableHelp: 'يُرجى التواصل مع الجهة المسؤولة عن هذا الموقع.',
  retry: 'حاول مرة أخرى',
  optional: 'اختياري',
  errorPrefix: 'خطأ:',
  errorSummaryTitle: 'هناك مشكلة',
  sending: 'جارٍ الإرسال…',
  retrying: 'لم ينجح الإرسال بعد. سنحاول مرة أخرى بعد قليل…',
  queuedTitle: 'لم يُرسل بعد',
  failedTitle: 'لم ينجح الإرسال',
  failedBody: 'يُرجى المحاولة مرة أخرى لاحقًا.',
  brokenBody: 'هذا النموذج لا يعمل الآن. لم يُرسل أي شيء.',
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
  charactersNeeded: {
    one: 'تحتاج إلى حرف واحد إضافي',
    two: 'تحتاج إلى حرفين إضافيين',
    few: 'تحتاج إلى {n} أحرف إضافية',
    many: 'تحتاج إلى {n} حرفًا إضافيًا',
    other: 'تحتاج إلى {n} حرف إضافي',
  },
  privacyLink: 'اقرأ كيف نتعامل مع بياناتك',
  opensInNewWindow: '(يفتح في نافذة جديدة)',
  language: 'اللغة',
};

export default ar;
