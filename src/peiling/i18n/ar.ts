import type { PeilingStrings } from '../peiling.i18n.js';

const ar: PeilingStrings = {
  other: 'غير ذلك',
  otherLabel: 'ماذا تقصد بغير ذلك؟',
  questionOf: (current, total) => `السؤال ${current} من ${total}`,
  previous: 'السؤال السابق',
  next: 'السؤال التالي',
  send: 'إرسال',
  codeLabel: 'رمز المشاركة الخاص بك',
  codeHint: 'تجد هذا الرمز في الدعوة التي تلقيتها.',
  closesAt: 'يمكنك المشاركة حتى {date}.',
  closesAfter: 'يمكنك المشاركة حتى نهاية يوم {date}.',
  scaleHint: '{min} هو الأدنى، و{max} هو الأعلى.',
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
  sentLater: 'تم إرسال إجابتك الآن.',
  queued: 'لا يوجد اتصال الآن. تم حفظ إجابتك على هذا الجهاز، وسنرسلها تلقائيًا عند عودة الاتصال.',
  queuedUnsaved: 'لا يوجد اتصال الآن. أبقِ هذه الصفحة مفتوحة: سنرسل إجابتك تلقائيًا عند عودة الاتصال.',
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

export default ar;
