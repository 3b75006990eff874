import type { ProblemWords } from '../problems.js';

/** Polish. */
const pl: ProblemWords = {
  missing: 'brakuje',
  notText: 'musi być tekstem',
  notList: 'musi być listą',
  notObject: 'musi być obiektem',
  notNumber: 'musi być liczbą',
  notBoolean: 'musi mieć wartość true lub false',
  notDate: 'musi być datą i godziną',
  oneOf: (choices) => `musi być jednym z: ${choices}`,
  duplicate: 'występuje dwa razy',
  notJson: 'nie jest poprawnym JSON',
  unreadable: 'nie da się odczytać',
};

export default pl;
