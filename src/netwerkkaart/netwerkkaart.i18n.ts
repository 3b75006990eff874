import { defineStrings, type Plural } from '../core/i18n/index.js';
import type { AreaKind } from './gazetteer.js';

export interface NetwerkkaartStrings {
  searchLabel: string;
  searchHint: string;
  search: string;
  suggestions: Plural;
  noSuggestions: string;
  resultFor: (place: string) => string;
  resultNone: (place: string) => string;
  /** How a network reaches the place: "Zoetermeer hoort bij jeugdregio Haaglanden". */
  partOf: (place: string, area: string) => string;
  /** An area by its kind: "jeugdregio Haaglanden", "de provincie Zuid-Holland". */
  area: Record<AreaKind, (name: string) => string>;
  /** A former gemeente: "Haarlemmerliede en Spaarnwoude hoort nu bij Haarlemmermeer." */
  nowPartOf: (former: string, now: string) => string;
  /** A name that fits more than one gemeente ("Bergen"). */
  which: (typed: string) => string;
  /** A former gemeente that was split between several. */
  whichPart: (typed: string) => string;
  postcodeTitle: string;
  postcodeHint: string;
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
  /** The list that offers the areas on the map to keyboard and screen-reader users. */
  chooseArea: string;
  wholeMap: string;
  here: string;
  selected: (name: string) => string;
  showInList: string;
  withoutLocation: string;
  /** The licence of the boundaries, shown under the map. */
  credit: string;
}

const nl: NetwerkkaartStrings = {
  searchLabel: 'Zoek je gemeente',
  searchHint: 'Typ de naam van je gemeente, bijvoorbeeld Zoetermeer of Den Haag.',
  search: 'Zoeken',
  suggestions: { one: '1 gemeente gevonden', other: '{n} gemeenten gevonden' },
  noSuggestions: 'Geen gemeente gevonden met deze naam',
  resultFor: (place) => `Voor ${place}:`,
  resultNone: (place) => `Voor ${place} is nog geen netwerk bekend.`,
  partOf: (place, area) => `${place} hoort bij ${area}`,
  area: {
    gemeente: (name) => name,
    jeugdregio: (name) => `jeugdregio ${name}`,
    provincie: (name) => `de provincie ${name}`,
    ggd: (name) => name,
  },
  nowPartOf: (former, now) => `${former} hoort nu bij ${now}.`,
  which: (typed) => `Welke ${typed} bedoel je?`,
  whichPart: (typed) => `${typed} is verdeeld over meer gemeenten. Welk deel bedoel je?`,
  postcodeTitle: 'Zoeken op postcode kan nog niet',
  postcodeHint: 'Typ de naam van je gemeente, bijvoorbeeld Zoetermeer of Den Haag.',
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
  chooseArea: 'Of kies een gebied op de kaart',
  wholeMap: 'Toon heel Nederland',
  here: 'op deze plek',
  selected: (name) => `Gekozen: ${name}`,
  showInList: 'Bekijk in de lijst',
  withoutLocation: 'Niet op de kaart, omdat de plek niet bekend is:',
  credit: 'Bron: CBS, Kadaster (CC BY 4.0)',
};

const en: NetwerkkaartStrings = {
  searchLabel: 'Find your municipality',
  searchHint: 'Type the name of your municipality (gemeente), for example Zoetermeer or The Hague (Den Haag).',
  search: 'Search',
  suggestions: { one: '1 municipality found', other: '{n} municipalities found' },
  noSuggestions: 'No municipality found with this name',
  resultFor: (place) => `For ${place}:`,
  resultNone: (place) => `No network is known for ${place} yet.`,
  partOf: (place, area) => `${place} is part of ${area}`,
  area: {
    gemeente: (name) => name,
    jeugdregio: (name) => `the youth care region ${name}`,
    provincie: (name) => `the province of ${name}`,
    ggd: (name) => name,
  },
  nowPartOf: (former, now) => `${former} is now part of ${now}.`,
  which: (typed) => `Which ${typed} do you mean?`,
  whichPart: (typed) => `${typed} was divided between several municipalities. Which part do you mean?`,
  postcodeTitle: 'Searching by postcode is not possible yet',
  postcodeHint: 'Type the name of your municipality, for example Zoetermeer or The Hague.',
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
  chooseArea: 'Or choose an area on the map',
  wholeMap: 'Show all of the Netherlands',
  here: 'here',
  selected: (name) => `Selected: ${name}`,
  showInList: 'See it in the list',
  withoutLocation: 'Not on the map because the location is unknown:',
  credit: 'Source: CBS, Kadaster (CC BY 4.0)',
};

const ar: NetwerkkaartStrings = {
  searchLabel: 'ابحث عن بلديتك',
  searchHint: 'اكتب اسم بلديتك (gemeente)، مثلًا Zoetermeer أو Den Haag.',
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
  partOf: (place, area) => `${place} جزء من ${area}`,
  area: {
    gemeente: (name) => name,
    jeugdregio: (name) => `منطقة رعاية الشباب ${name}`,
    provincie: (name) => `مقاطعة ${name}`,
    ggd: (name) => name,
  },
  nowPartOf: (former, now) => `أصبحت ${former} الآن جزءًا من ${now}.`,
  which: (typed) => `أي ${typed} تقصد؟`,
  whichPart: (typed) => `قُسّمت ${typed} بين عدة بلديات. أي جزء تقصد؟`,
  postcodeTitle: 'البحث بالرمز البريدي غير ممكن بعد',
  postcodeHint: 'اكتب اسم بلديتك، مثلًا Zoetermeer أو Den Haag.',
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
  chooseArea: 'أو اختر منطقة على الخريطة',
  wholeMap: 'أظهر هولندا كلها',
  here: 'هنا',
  selected: (name) => `تم اختيار: ${name}`,
  showInList: 'اعرضها في القائمة',
  withoutLocation: 'ليست على الخريطة لأن المكان غير معروف:',
  credit: 'المصدر: CBS، Kadaster (CC BY 4.0)',
};

/** Formal Dutch (register="u"): the same words where they address the parent, in the u-form. */
const u: NetwerkkaartStrings = {
  ...nl,
  searchLabel: 'Zoek uw gemeente',
  searchHint: 'Typ de naam van uw gemeente, bijvoorbeeld Zoetermeer of Den Haag.',
  which: (typed) => `Welke ${typed} bedoelt u?`,
  whichPart: (typed) => `${typed} is verdeeld over meer gemeenten. Welk deel bedoelt u?`,
  postcodeHint: 'Typ de naam van uw gemeente, bijvoorbeeld Zoetermeer of Den Haag.',
  seeList: 'Kijk in de lijst hieronder: misschien werkt een netwerk in uw regio.',
  unknownPlace: 'Staat de naam goed geschreven? Kijk anders in de lijst hieronder: misschien werkt een netwerk in uw regio.',
};

export const netwerkkaartStrings = defineStrings({ nl: { je: nl, u }, en, ar });
