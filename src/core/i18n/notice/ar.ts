import type { NoticeStrings } from '../../terugkoppeling.js';

/** Rendered right-to-left. */
const ar: NoticeStrings = {
  title: 'ما نفعله بمساهماتكم',
  statuses: { gehoord: 'تم الاستماع', 'in-behandeling': 'قيد المعالجة', besloten: 'تم اتخاذ القرار' },
  statusLabel: 'الوضع الحالي:',
  readMore: 'اقرأ المزيد',
};

export default ar;
