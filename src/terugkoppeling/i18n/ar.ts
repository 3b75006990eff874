import type { TerugkoppelingStrings } from '../terugkoppeling.i18n.js';

/** Rendered right-to-left. */
const ar: TerugkoppelingStrings = {
  empty: 'لا توجد ملاحظات بعد. ستقرأها هنا حين نعرف المزيد.',
  resultsTitle: 'النتائج',
  participants: { zero: 'لم يشارك أحد.', one: 'شارك أب أو أم واحد.', two: 'شارك اثنان من الآباء والأمهات.', few: 'شارك {n} من الآباء والأمهات.', many: 'شارك {n} من الآباء والأمهات.', other: 'شارك {n} من الآباء والأمهات.' },
  votes: { zero: 'لا أصوات', one: 'صوت واحد', two: 'صوتان', few: '{n} أصوات', many: '{n} صوتًا', other: '{n} صوت' },
  multiple: 'كان بإمكان الآباء والأمهات اختيار أكثر من إجابة.',
  omitted: {
    one: 'أجاب عدد قليل جدًا من الآباء والأمهات عن سؤال واحد، لذلك لا نعرض نتيجته.',
    other: 'أجاب عدد قليل جدًا من الآباء والأمهات عن {n} أسئلة، لذلك لا نعرض نتائجها.',
  },
};

export default ar;
