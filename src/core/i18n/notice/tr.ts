import type { NoticeStrings } from '../../terugkoppeling.js';

/** Draft, not yet checked by a native speaker (docs/translating.md). */
const tr: NoticeStrings = {
  title: 'Görüşlerinizle ne yapıyoruz',
  statuses: { gehoord: 'Dinlendi', 'in-behandeling': 'İnceleniyor', besloten: 'Karar verildi' },
  statusLabel: 'Durum:',
  readMore: 'Devamını okuyun',
};

export default tr;
