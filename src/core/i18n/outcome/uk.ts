import type { OutcomeStrings } from '../../outcome.js';

/** The outcome opt-in in Ukrainian. */
const uk: OutcomeStrings = {
  label: 'Я хочу знати, що буде з результатом',
  hint: 'Ми надішлемо вам один лист, коли результат буде відомий. Потім ми видалимо вашу адресу. Ваша адреса зберігається окремо від ваших відповідей.',
  email: 'Ваша електронна адреса для цього листа',
  emailRequired: 'Введіть свою електронну адресу або зніміть позначку.',
  emailInvalid: 'Введіть електронну адресу, наприклад name@example.com.',
};

export default uk;
