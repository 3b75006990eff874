import type { ProblemWords } from '../problems.js';

/** Arabic. */
const ar: ProblemWords = {
  missing: 'مفقود',
  notText: 'يجب أن يكون نصًا',
  notList: 'يجب أن يكون قائمة',
  notObject: 'يجب أن يكون كائنًا',
  notNumber: 'يجب أن يكون رقمًا',
  notBoolean: 'يجب أن يكون true أو false',
  notDate: 'يجب أن يكون تاريخًا ووقتًا',
  oneOf: (choices) => `يجب أن يكون أحد: ${choices}`,
  duplicate: 'مكرر',
  notJson: 'ليس JSON صالحًا',
  unreadable: 'لا يمكن قراءته',
};

export default ar;
