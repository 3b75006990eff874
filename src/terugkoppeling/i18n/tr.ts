import type { TerugkoppelingStrings } from '../terugkoppeling.i18n.js';

/** Draft, not yet checked by a native speaker (docs/translating.md). */
const tr: TerugkoppelingStrings = {
  empty: 'Henüz geri bildirim yok. Daha fazlasını öğrendiğimizde burada okuyabilirsiniz.',
  resultsTitle: 'Sonuçlar',
  participants: { one: '1 veli katıldı.', other: '{n} veli katıldı.' },
  votes: { one: '1 oy', other: '{n} oy' },
  multiple: 'Veliler birden fazla cevap seçebildi.',
  omitted: {
    one: '1 soruyu çok az veli cevapladı, bu yüzden sonucunu göstermiyoruz.',
    other: '{n} soruyu çok az veli cevapladı, bu yüzden sonuçlarını göstermiyoruz.',
  },
};

export default tr;
