import type { NoticeStrings } from '../../terugkoppeling.js';

const en: NoticeStrings = {
  title: 'What we are doing with your input',
  statuses: { gehoord: 'Heard', 'in-behandeling': 'In progress', besloten: 'Decided' },
  statusLabel: 'Status:',
  readMore: 'Read more',
};

export default en;
