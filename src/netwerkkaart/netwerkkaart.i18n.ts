import { defineStrings, type Plural } from '../core/i18n/index.js';

export interface NetwerkkaartStrings {
  searchLabel: string;
  searchHint: string;
  search: string;
  suggestions: Plural;
  noSuggestions: string;
  resultFor: (place: string) => string;
  resultNone: (place: string) => string;
  nearest: string;
  seeList: string;
  /** After resultNone, for a name the data does not know: a typo, or a gemeente no network serves yet. */
  unknownPlace: string;
  distance: (km: string) => string;
  listTitle: string;
  filterLabel: string;
  allTypes: string;
  networks: Plural;
  noNetworks: string;
  gemeenten: string;
  website: string;
  email: string;
  phone: string;
  showOnMap: string;
  notOnMap: string;
  mapLabel: string;
  mapHint: string;
  here: string;
  selected: (name: string) => string;
  showInList: string;
  withoutLocation: string;
  regionsFailed: string;
  problemsTitle: string;
  entrySkipped: string;
  fieldLeftOut: string;
  problems: {
    notLink: string;
    notEmail: string;
    notPhone: string;
    unknownType: string;
    notPolygon: string;
    notWgs84: string;
  };
}

const nl: NetwerkkaartStrings = {
  searchLabel: 'Zoek je gemeente',
  searchHint: 'Typ de naam van je gemeente, bijvoorbeeld Utrecht of Den Haag.',
  search: 'Zoeken',
  suggestions: { one: '1 gemeente gevonden', other: '{n} gemeenten gevonden' },
  noSuggestions: 'Geen gemeente gevonden met deze naam',
  resultFor: (place) => `Voor ${place}:`,
  resultNone: (place) => `Voor ${place} is nog geen netwerk bekend.`,
  nearest: 'Deze netwerken zijn het dichtstbij:',
  seeList: 'Kijk in de lijst hieronder: misschien werkt een netwerk in jouw regio.',
  unknownPlace: 'Staat de naam goed geschreven? Kijk anders in de lijst hieronder: misschien werkt een netwerk in jouw regio.',
  distance: (km) => `${km} km`,
  listTitle: 'Alle netwerken',
  filterLabel: 'Soort netwerk',
  allTypes: 'Alle soorten',
  networks: { one: '1 netwerk', other: '{n} netwerken' },
  noNetworks: 'Er zijn nog geen netwerken bekend.',
  gemeenten: 'Gemeenten',
  website: 'Website',
  email: 'E-mail',
  phone: 'Telefoon',
  showOnMap: 'Toon op de kaart',
  notOnMap: 'Niet op de kaart: de plek is niet bekend.',
  mapLabel: 'Kaart van Nederland met de netwerken',
  mapHint: 'Kies een punt op de kaart. Met het toetsenbord: ga met Tab naar de kaart, kies met de pijltjestoetsen en druk op Enter.',
  here: 'op deze plek',
  selected: (name) => `Gekozen: ${name}`,
  showInList: 'Bekijk in de lijst',
  withoutLocation: 'Niet op de kaart, omdat de plek niet bekend is:',
  regionsFailed: 'De grenzen op de kaart konden niet worden geladen. De lijst en het zoeken werken wel.',
  problemsTitle: 'Niet alles uit het bestand kon worden getoond',
  entrySkipped: 'overgeslagen',
  fieldLeftOut: 'weggelaten',
  problems: {
    notLink: 'is geen webadres dat begint met http:// of https://',
    notEmail: 'is geen geldig e-mailadres',
    notPhone: 'is geen geldig telefoonnummer',
    unknownType: 'is een soort die niet in "types" staat; het netwerk staat er wel, met deze soort',
    notPolygon: 'is geen vlak (Polygon of MultiPolygon)',
    notWgs84: 'heeft geen lengte- en breedtegraad (WGS84)',
  },
};

const en: NetwerkkaartStrings = {
  searchLabel: 'Find your municipality',
  searchHint: 'Type the name of your municipality (gemeente), for example Utrecht or The Hague (Den Haag).',
  search: 'Search',
  suggestions: { one: '1 municipality found', other: '{n} municipalities found' },
  noSuggestions: 'No municipality found with this name',
  resultFor: (place) => `For ${place}:`,
  resultNone: (place) => `No network is known for ${place} yet.`,
  nearest: 'These networks are the closest:',
  seeList: 'Have a look at the list below: a network may work in your region.',
  unknownPlace: 'Is the name spelled right? Otherwise have a look at the list below: a network may work in your region.',
  distance: (km) => `${km} km`,
  listTitle: 'All networks',
  filterLabel: 'Kind of network',
  allTypes: 'All kinds',
  networks: { one: '1 network', other: '{n} networks' },
  noNetworks: 'No networks are known yet.',
  gemeenten: 'Municipalities',
  website: 'Website',
  email: 'Email',
  phone: 'Phone',
  showOnMap: 'Show on the map',
  notOnMap: 'Not on the map: the location is unknown.',
  mapLabel: 'Map of the Netherlands with the networks',
  mapHint: 'Choose a point on the map. With a keyboard: Tab to the map, choose with the arrow keys and press Enter.',
  here: 'here',
  selected: (name) => `Selected: ${name}`,
  showInList: 'See it in the list',
  withoutLocation: 'Not on the map because the location is unknown:',
  regionsFailed: 'The boundaries on the map could not be loaded. The list and the search still work.',
  problemsTitle: 'Not everything in the file could be shown',
  entrySkipped: 'skipped',
  fieldLeftOut: 'left out',
  problems: {
    notLink: 'is not a web address starting with http:// or https://',
    notEmail: 'is not a valid email address',
    notPhone: 'is not a valid phone number',
    unknownType: 'is a kind that is not listed in "types"; the network is shown with this kind',
    notPolygon: 'is not an area (Polygon or MultiPolygon)',
    notWgs84: 'has no longitude and latitude (WGS84)',
  },
};

const ar: NetwerkkaartStrings = {
  searchLabel: 'ابحث عن بلديتك',
  searchHint: 'اكتب اسم بلديتك (gemeente)، مثلًا Utrecht أو Den Haag.',
  search: 'بحث',
  suggestions: {
    zero: 'لم يتم العثور على أي بلدية',
    one: 'تم العثور على بلدية واحدة',
    two: 'تم العثور على بلديتين',
    few: 'تم العثور على {n} بلديات',
    many: 'تم العثور على {n} بلدية',
    other: 'تم العثور على {n} بلدية',
  },
  noSuggestions: 'لا توجد بلدية بهذا الاسم',
  resultFor: (place) => `لبلدية ${place}:`,
  resultNone: (place) => `لا نعرف بعد شبكة لبلدية ${place}.`,
  nearest: 'هذه هي الشبكات الأقرب:',
  seeList: 'انظر في القائمة أدناه: ربما توجد شبكة تعمل في منطقتك.',
  unknownPlace: 'هل كُتب الاسم بشكل صحيح؟ وإلا فانظر في القائمة أدناه: ربما توجد شبكة تعمل في منطقتك.',
  distance: (km) => `${km} كم`,
  listTitle: 'كل الشبكات',
  filterLabel: 'نوع الشبكة',
  allTypes: 'كل الأنواع',
  networks: { zero: 'لا توجد شبكات', one: 'شبكة واحدة', two: 'شبكتان', few: '{n} شبكات', many: '{n} شبكة', other: '{n} شبكة' },
  noNetworks: 'لا نعرف أي شبكات بعد.',
  gemeenten: 'البلديات',
  website: 'الموقع الإلكتروني',
  email: 'البريد الإلكتروني',
  phone: 'الهاتف',
  showOnMap: 'أظهر على الخريطة',
  notOnMap: 'ليست على الخريطة: المكان غير معروف.',
  mapLabel: 'خريطة هولندا مع الشبكات',
  mapHint: 'اختر نقطة على الخريطة. باستخدام لوحة المفاتيح: انتقل إلى الخريطة بمفتاح Tab، واختر بمفاتيح الأسهم، ثم اضغط Enter.',
  here: 'هنا',
  selected: (name) => `تم اختيار: ${name}`,
  showInList: 'اعرضها في القائمة',
  withoutLocation: 'ليست على الخريطة لأن المكان غير معروف:',

  regionsFailed: 'تعذر تحميل الحدود على الخريطة. القائمة والبحث يعملان.',
  problemsTitle: 'تعذر عرض كل ما في الملف',
  entrySkipped: 'تم تخطيه',
  fieldLeftOut: 'تم حذفه',
  problems: {
    notLink: 'ليس عنوان موقع يبدأ بـ http:// أو https://',
    notEmail: 'ليس عنوان بريد إلكتروني صالحًا',
    notPhone: 'ليس رقم هاتف صالحًا',
    unknownType: 'نوع غير مذكور في "types"؛ الشبكة معروضة بهذا النوع',
    notPolygon: 'ليس مساحة (Polygon أو MultiPolygon)',
    notWgs84: 'لا يحتوي على خط طول وخط عرض (WGS84)',
  },
};

/** Formal Dutch (register="u"): the same words where they address the parent, in the u-form. */
const u: NetwerkkaartStrings = {
  ...nl,
  searchLabel: 'Zoek uw gemeente',
  searchHint: 'Typ de naam van uw gemeente, bijvoorbeeld Utrecht of Den Haag.',
  seeList: 'Kijk in de lijst hieronder: misschien werkt een netwerk in uw regio.',
  unknownPlace: 'Staat de naam goed geschreven? Kijk anders in de lijst hieronder: misschien werkt een netwerk in uw regio.',
};

export const netwerkkaartStrings = defineStrings({ nl: { je: nl, u }, en, ar });
