import type { Translation } from '../translation.js';

/** Ukrainian, plain and polite ("ви"). Not yet checked by a native speaker. */
const uk: Translation = {
  loading: 'Завантаження…',
  loadFailed: 'Цю частину зараз не вдалося завантажити. Спробуйте ще раз трохи пізніше.',
  unavailable: 'Ця частина зараз недоступна.',
  unavailableHelp: 'Зверніться до організації, якій належить цей сайт.',
  retry: 'Спробувати ще раз',
  optional: 'необов’язково',
  errorPrefix: 'Помилка:',
  errorSummaryTitle: 'Щось заповнено неправильно',
  sending: 'Надсилання…',
  retrying: 'Надіслати поки не вдалося. Ми спробуємо ще раз за мить…',
  queuedTitle: 'Ще не надіслано',
  failedTitle: 'Не вдалося надіслати',
  failedBody: 'Спробуйте ще раз пізніше.',
  brokenBody: 'Ця форма зараз не працює. Нічого не надіслано.',
  charactersLeft: {
    one: 'Можна ввести ще {n} символ',
    few: 'Можна ввести ще {n} символи',
    many: 'Можна ввести ще {n} символів',
    other: 'Можна ввести ще {n} символу',
  },
  charactersTooMany: {
    one: 'У вас на {n} символ забагато',
    few: 'У вас на {n} символи забагато',
    many: 'У вас на {n} символів забагато',
    other: 'У вас на {n} символу забагато',
  },
  charactersNeeded: {
    one: 'Потрібен ще {n} символ',
    few: 'Потрібні ще {n} символи',
    many: 'Потрібно ще {n} символів',
    other: 'Потрібно ще {n} символу',
  },
  privacyLink: 'Прочитайте, як ми поводимося з вашими даними',
  opensInNewWindow: '(відкривається в новому вікні)',
  language: 'Мова',
};

export default uk;
