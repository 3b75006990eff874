import type { PeilingStrings } from '../peiling.i18n.js';

/** Turkish, plain and polite ("siz"). Not yet checked by a native speaker. */
const tr: PeilingStrings = {
  other: 'Başka',
  otherLabel: '"Başka" derken neyi kastediyorsunuz?',
  questionOf: (current, total) => `Soru ${current} / ${total}`,
  previous: 'Önceki soru',
  next: 'Sonraki soru',
  send: 'Gönder',
  codeLabel: 'Katılım kodunuz',
  codeHint: 'Bu kod, aldığınız davetiyede yazıyor.',
  closesAt: '{date} tarihine kadar katılabilirsiniz.',
  closesAfter: '{date} dahil katılabilirsiniz.',
  scaleHint: '{min} en düşük, {max} en yüksek.',
  errors: {
    required: {
      single: 'Bir cevap seçin.',
      multiple: 'En az bir cevap seçin.',
      scale: 'Bir sayı seçin.',
      open: 'Bir cevap yazın.',
    },
    otherEmpty: '"Başka" derken neyi kastettiğinizi yazın.',
    tooLong: { one: 'Cevabınız çok uzun. En fazla 1 karakter kullanın.', other: 'Cevabınız çok uzun. En fazla {n} karakter kullanın.' },
    codeRequired: 'Katılım kodunuzu yazın.',
  },
  thanksTitle: 'Cevabınız için teşekkürler!',
  thanksBody: 'Cevabınız bize ulaştı.',
  sentLater: 'Cevabınız şimdi gönderildi.',
  queued: 'Şu an internet bağlantısı yok. Cevabınız bu cihazda saklandı. Bağlantı gelince kendiliğinden göndereceğiz.',
  queuedUnsaved: 'Şu an internet bağlantısı yok. Bu sayfayı açık bırakın: bağlantı gelince cevabınızı kendiliğinden göndereceğiz.',
  votedTitle: 'Zaten katıldınız',
  votedBody: 'Bu anket bu cihazda zaten dolduruldu. Teşekkürler!',
  closedTitle: 'Bu anket kapandı',
  closedBody: 'Artık katılamazsınız.',
  resultsTitle: 'Sonuçlar',
  participants: { one: '1 veli katıldı.', other: '{n} veli katıldı.' },
  votes: { one: '1 oy', other: '{n} oy' },
  resultsTooFew: 'Daha çok veli katılınca sonuçları göstereceğiz.',
  resultsAfterClose: 'Sonuçlar, anket kapanınca gösterilecek.',
  openNotShown: 'Açık sorulara verilen cevapları göstermiyoruz.',
};

export default tr;
