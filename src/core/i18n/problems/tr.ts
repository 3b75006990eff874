import type { ProblemWords } from '../problems.js';

/** Turkish. */
const tr: ProblemWords = {
  missing: 'eksik',
  notText: 'bir metin olmalı',
  notList: 'bir liste olmalı',
  notObject: 'bir nesne olmalı',
  notNumber: 'bir sayı olmalı',
  notBoolean: 'true ya da false olmalı',
  notDate: 'bir tarih ve saat olmalı',
  oneOf: (choices) => `şunlardan biri olmalı: ${choices}`,
  duplicate: 'iki kez var',
  notJson: 'geçerli JSON değil',
  unreadable: 'okunamıyor',
};

export default tr;
