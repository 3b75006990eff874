import type { OutcomeStrings } from '../../outcome.js';

/** The outcome opt-in in Turkish. */
const tr: OutcomeStrings = {
  label: 'Sonuçla ne yapıldığını öğrenmek istiyorum',
  hint: 'Sonuç belli olunca size bir e-posta göndeririz. Sonra adresinizi sileriz. Adresiniz cevaplarınızdan ayrı tutulur.',
  email: 'Bu mesaj için e-posta adresiniz',
  emailRequired: 'E-posta adresinizi yazın ya da kutucuktaki işareti kaldırın.',
  emailInvalid: 'ad@ornek.com gibi bir e-posta adresi yazın.',
};

export default tr;
