import type { ProblemWords } from '../problems.js';

/** English. */
const en: ProblemWords = {
  missing: 'is missing',
  notText: 'must be text',
  notList: 'must be a list',
  notObject: 'must be an object',
  notNumber: 'must be a number',
  notBoolean: 'must be true or false',
  notDate: 'must be a date and time',
  oneOf: (choices) => `must be one of: ${choices}`,
  duplicate: 'appears twice',
  notJson: 'is not valid JSON',
  unreadable: 'cannot be read',
};

export default en;
