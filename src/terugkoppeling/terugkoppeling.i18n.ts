import { defineStrings, type Plural } from '../core/i18n/index.js';

export interface TerugkoppelingStrings {
  empty: string;
  resultsTitle: string;
  participants: Plural;
  votes: Plural;
  /** Under a question where parents could choose more than one answer: the shares add up to more than 100 %. */
  multiple: string;
  omitted: Plural;
}

const je: TerugkoppelingStrings = {
  empty: 'Er is nog geen terugkoppeling. Zodra we meer weten, lees je het hier.',
  resultsTitle: 'De uitslag',
  participants: { one: '1 ouder deed mee.', other: '{n} ouders deden mee.' },
  votes: { one: '1 stem', other: '{n} stemmen' },
  multiple: 'Ouders konden meer dan één antwoord kiezen.',
  omitted: {
    one: 'Bij 1 vraag antwoordden te weinig ouders om de uitslag te laten zien.',
    other: 'Bij {n} vragen antwoordden te weinig ouders om de uitslag te laten zien.',
  },
};

export const terugkoppelingStrings = defineStrings<TerugkoppelingStrings>({
  nl: { je, u: { ...je, empty: 'Er is nog geen terugkoppeling. Zodra we meer weten, leest u het hier.' } },
  en: {
    empty: 'There is no feedback yet. As soon as we know more, you can read it here.',
    resultsTitle: 'The results',
    participants: { one: '1 parent took part.', other: '{n} parents took part.' },
    votes: { one: '1 vote', other: '{n} votes' },
    multiple: 'Parents could choose more than one answer.',
    omitted: {
      one: 'Too few parents answered 1 question to show its results.',
      other: 'Too few parents answered {n} questions to show their results.',
    },
  },
  ar: {
    empty: 'لا توجد ملاحظات بعد. ستقرأها هنا حين نعرف المزيد.',
    resultsTitle: 'النتائج',
    participants: { zero: 'لم يشارك أحد.', one: 'شارك أب أو أم واحد.', two: 'شارك اثنان من الآباء والأمهات.', few: 'شارك {n} من الآباء والأمهات.', many: 'شارك {n} من الآباء والأمهات.', other: 'شارك {n} من الآباء والأمهات.' },
    votes: { zero: 'لا أصوات', one: 'صوت واحد', two: 'صوتان', few: '{n} أصوات', many: '{n} صوتًا', other: '{n} صوت' },
    multiple: 'كان بإمكان الآباء والأمهات اختيار أكثر من إجابة.',
    omitted: {
      one: 'أجاب عدد قليل جدًا من الآباء والأمهات عن سؤال واحد، لذلك لا نعرض نتيجته.',
      other: 'أجاب عدد قليل جدًا من الآباء والأمهات عن {n} أسئلة، لذلك لا نعرض نتائجها.',
    },
  },
});
