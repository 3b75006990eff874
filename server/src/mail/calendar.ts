import ICAL from 'ical.js';
import { TIME_ZONE, wallClock } from './amsterdam.js';

/** Europe/Amsterdam since 1996: CET in winter, CEST from the last Sunday of March to the last Sunday of October. */
const AMSTERDAM = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * PUBLISH for an entry to add or to replace (same UID, higher SEQUENCE); CANCEL to take it away
 * again (RFC 5546: the organiser cancels what it published, STATUS:CANCELLED).
 */
export type CalendarMethod = 'PUBLISH' | 'CANCEL';

export interface CalendarEvent {
  /** Stable per session, the same as the widget's own calendar file, so a calendar keeps one entry. */
  uid: string;
  /** Higher for each change of the session, so a calendar replaces its copy. */
  sequence: number;
  start: string;
  end: string;
  summary: string;
  description: string;
  location?: string;
  /** Back to the session: its page, or the online meeting. */
  url: string;
  /** Who publishes the entry (RFC 5546 wants one for PUBLISH and CANCEL): the sender of the e-mail. */
  organizer?: { email: string; name?: string };
  cancelled?: boolean;
}

function localTime(moment: string, zone: ICAL.Timezone): ICAL.Time {
  return ICAL.Time.fromData(wallClock(new Date(moment)), zone);
}

/** One `.ics` file with the Amsterdam time zone and one event per session. */
export function calendarFile(events: readonly CalendarEvent[], method: CalendarMethod, now = new Date()): string {
  const zoneComponent = new ICAL.Component(ICAL.parse(AMSTERDAM));
  const zone = new ICAL.Timezone(zoneComponent);
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', '-//Ouderstem//ouderstem-server//NL');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', method);
  calendar.addSubcomponent(zoneComponent);
  for (const item of events) {
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', item.uid);
    event.addPropertyWithValue('sequence', item.sequence);
    event.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
    // ical.js writes a zoned time as floating unless the property names its zone.
    event.addPropertyWithValue('dtstart', localTime(item.start, zone)).setParameter('tzid', TIME_ZONE);
    event.addPropertyWithValue('dtend', localTime(item.end, zone)).setParameter('tzid', TIME_ZONE);
    event.addPropertyWithValue('summary', item.summary);
    if (item.location) event.addPropertyWithValue('location', item.location);
    event.addPropertyWithValue('description', item.description);
    event.addPropertyWithValue('url', item.url);
    if (item.organizer) {
      const organizer = event.addPropertyWithValue('organizer', `mailto:${item.organizer.email}`);
      if (item.organizer.name) organizer.setParameter('cn', item.organizer.name);
    }
    event.addPropertyWithValue('status', item.cancelled ? 'CANCELLED' : 'CONFIRMED');
    event.addPropertyWithValue('transp', 'OPAQUE');
    calendar.addSubcomponent(event);
  }
  return calendar.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}
