import type { Translation } from '../translation.js';

/** Turkish, plain and polite ("siz"). Not yet checked by a native speaker. */
const tr: Translation = {
  loading: 'Yükleniyor…',
  loadFailed: 'Bu bölüm şu an yüklenemedi. Biraz sonra tekrar deneyin.',
  unavailable: 'Bu bölüm şu an kullanılamıyor.',
  unavailableHelp: 'Bu web sitesinin kurumuyla iletişime geçin.',
  retry: 'Tekrar dene',
  optional: 'zorunlu değil',
  errorPrefix: 'Hata:',
  errorSummaryTitle: 'Bir şey doğru doldurulmadı',
  sending: 'Gönderiliyor…',
  retrying: 'Gönderme henüz olmadı. Biraz sonra tekrar deneyeceğiz…',
  queuedTitle: 'Henüz gönderilmedi',
  failedTitle: 'Gönderme olmadı',
  failedBody: 'Daha sonra tekrar deneyin.',
  brokenBody: 'Bu form şu an çalışmıyor. Hiçbir şey gönderilmedi.',
  charactersLeft: { one: '1 karakter daha yazabilirsiniz', other: '{n} karakter daha yazabilirsiniz' },
  charactersTooMany: { one: '1 karakter fazla yazdınız', other: '{n} karakter fazla yazdınız' },
  charactersNeeded: { one: '1 karakter daha gerekli', other: '{n} karakter daha gerekli' },
  privacyLink: 'Verilerinizi nasıl kullandığımızı okuyun',
  opensInNewWindow: '(yeni pencerede açılır)',
  language: 'Dil',
};

export default tr;
