import type { TerugkoppelingStrings } from '../terugkoppeling.i18n.js';

/** Draft, not yet checked by a native speaker (docs/translating.md). */
const uk: TerugkoppelingStrings = {
  empty: 'Зворотного зв’язку ще немає. Щойно ми знатимемо більше, ви прочитаєте це тут.',
  resultsTitle: 'Результати',
  participants: { one: 'Взяв участь {n} з батьків.', few: 'Взяли участь {n} з батьків.', many: 'Взяли участь {n} з батьків.', other: 'Взяли участь {n} з батьків.' },
  votes: { one: '{n} голос', few: '{n} голоси', many: '{n} голосів', other: '{n} голосу' },
  multiple: 'Батьки могли вибрати більше ніж одну відповідь.',
  omitted: {
    one: 'На {n} запитання відповіло замало батьків, тому ми не показуємо результат.',
    few: 'На {n} запитання відповіло замало батьків, тому ми не показуємо результати.',
    many: 'На {n} запитань відповіло замало батьків, тому ми не показуємо результати.',
    other: 'На {n} запитання відповіло замало батьків, тому ми не показуємо результати.',
  },
};

export default uk;
