import type { NoticeStrings } from '../../terugkoppeling.js';

/** Draft, not yet checked by a native speaker (docs/translating.md). */
const pl: NoticeStrings = {
  title: 'Co robimy z waszymi opiniami',
  statuses: { gehoord: 'Wysłuchane', 'in-behandeling': 'W trakcie', besloten: 'Zdecydowane' },
  statusLabel: 'Stan sprawy:',
  readMore: 'Czytaj dalej',
};

export default pl;
