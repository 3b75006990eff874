import type { NoticeStrings } from '../../terugkoppeling.js';

/** Draft, not yet checked by a native speaker (docs/translating.md). */
const uk: NoticeStrings = {
  title: 'Що ми робимо з вашими думками',
  statuses: { gehoord: 'Почуто', 'in-behandeling': 'Розглядається', besloten: 'Вирішено' },
  statusLabel: 'Стан справи:',
  readMore: 'Читати далі',
};

export default uk;
