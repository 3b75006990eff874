import type { ProblemWords } from '../problems.js';

/** Ukrainian. */
const uk: ProblemWords = {
  missing: 'відсутнє',
  notText: 'має бути текстом',
  notList: 'має бути списком',
  notObject: 'має бути об’єктом',
  notNumber: 'має бути числом',
  notBoolean: 'має бути true або false',
  notDate: 'має бути датою і часом',
  oneOf: (choices) => `має бути одним із: ${choices}`,
  duplicate: 'трапляється двічі',
  notJson: 'не є правильним JSON',
  unreadable: 'не вдається прочитати',
};

export default uk;
