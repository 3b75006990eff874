import type { Registers } from '../translation.js';
import type { NoticeStrings } from '../../terugkoppeling.js';

/** "Wat we met jullie inbreng doen" in Dutch: the reference, informal ("je"). */
const je: NoticeStrings = {
  title: 'Wat we met jullie inbreng doen',
  statuses: { gehoord: 'Gehoord', 'in-behandeling': 'In behandeling', besloten: 'Besloten' },
  statusLabel: 'Stand van zaken:',
  readMore: 'Lees meer',
};

/** Formal ("u"). */
const u: NoticeStrings = { ...je, title: 'Wat we met uw inbreng doen' };

const nl: Registers<NoticeStrings> = { je, u };

export default nl;
