import type { OutcomeStrings } from '../../outcome.js';

/** The outcome opt-in in Arabic, rendered right-to-left. */
const ar: OutcomeStrings = {
  label: 'أريد أن أعرف ماذا يحدث بالنتيجة',
  hint: 'سنرسل إليك رسالة واحدة عندما تُعرف النتيجة. بعدها نحذف عنوانك. يُحفظ عنوانك منفصلًا عن إجاباتك.',
  email: 'عنوان بريدك الإلكتروني لتلك الرسالة',
  emailRequired: 'اكتب عنوان بريدك الإلكتروني، أو أزل علامة الاختيار.',
  emailInvalid: 'اكتب عنوان بريد إلكتروني مثل name@example.com.',
};

export default ar;
