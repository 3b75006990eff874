import { expect } from '@open-wc/testing';
import { DefinitionError } from '../src/core/definition.js';
import { amsterdamStamp, calendarEvents, calendarFile, escapeText, foldLine, placeOf, utcStamp } from '../src/meedenksessie/calendar.js';
import {
  type Answers,
  emptyAnswers,
  fieldOf,
  formatSessionTime,
  isSelectable,
  type MeedenksessieDefinition,
  type MeedenksessieSession,
  outcomes,
  parseDefinition,
  sessionStatus,
  toData,
  upcomingSessions,
  validate,
  webLink,
} from '../src/meedenksessie/meedenksessie.js';

const now = Date.parse('2027-01-01T12:00:00Z');

function session(overrides: Partial<MeedenksessieSession> = {}): MeedenksessieSession {
  return { id: 's1', title: 'Sessie', start: '2027-01-12T18:30:00Z', end: '2027-01-12T20:30:00Z', ...overrides };
}

const raw = {
  type: 'meedenksessie',
  id: 'jeugdzorg-2027',
  title: { nl: 'Denk mee over jeugdzorg', en: 'Help shape youth care' },
  intro: 'Drie avonden.',
  multiple: true,
  sessions: [
    {
      id: 'avond-1',
      title: 'Avond 1',
      start: '2027-01-12T18:30:00Z',
      end: '2027-01-12T20:30:00Z',
      location: { name: 'Bibliotheek', address: 'Stationsplein 1, Utrecht' },
      capacity: 20,
      remaining: 3,
      waitlist: true,
      deadline: '2027-01-11T23:00:00Z',
    },
    { id: 'avond-2', title: 'Avond 2', start: '2027-02-12T18:30:00Z', end: '2027-02-12T20:30:00Z', online: true },
  ],
  roles: [{ value: 'ouder', label: 'Ouder of verzorger' }],
  needs: [{ value: 'tolk', label: 'Een tolk' }],
};

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DefinitionError) return `${error.path}: ${typeof error.problem === 'string' ? error.problem : 'oneOf'}`;
    throw error;
  }
  return 'no error';
}

describe('meedenksessie logic', () => {
  describe('parseDefinition', () => {
    it('accepts a full definition and keeps every field', () => {
      const definition = parseDefinition(raw);
      expect(definition.id).to.equal('jeugdzorg-2027');
      expect(definition.multiple).to.equal(true);
      expect(definition.sessions).to.have.length(2);
      expect(definition.sessions[0]).to.deep.include({ capacity: 20, remaining: 3, waitlist: true, deadline: '2027-01-11T23:00:00Z' });
      expect(definition.sessions[0].location).to.deep.equal({ name: 'Bibliotheek', address: 'Stationsplein 1, Utrecht' });
      expect(definition.sessions[1].online).to.equal(true);
      expect(definition.roles).to.deep.equal([{ value: 'ouder', label: 'Ouder of verzorger' }]);
      expect(definition.needs).to.have.length(1);
    });

    it('names the field that is wrong', () => {
      expect(problemOf(() => parseDefinition({ ...raw, type: 'peiling' }))).to.match(/^type:/);
      expect(problemOf(() => parseDefinition({ ...raw, sessions: [] }))).to.equal('sessions: missing');
      expect(problemOf(() => parseDefinition({ ...raw, sessions: [{ ...raw.sessions[1], start: 'morgen' }] }))).to.equal(
        'sessions[0].start: notDate',
      );
      expect(problemOf(() => parseDefinition({ ...raw, sessions: [{ ...raw.sessions[1], end: undefined }] }))).to.equal(
        'sessions[0].end: missing',
      );
      expect(
        problemOf(() => parseDefinition({ ...raw, sessions: [{ ...raw.sessions[1], end: raw.sessions[1].start }] })),
      ).to.equal('sessions[0].end: notDate');
      expect(problemOf(() => parseDefinition({ ...raw, sessions: [raw.sessions[1], raw.sessions[1]] }))).to.equal(
        'sessions[1].id: duplicate',
      );
      expect(problemOf(() => parseDefinition({ ...raw, sessions: [{ ...raw.sessions[1], remaining: -1 }] }))).to.equal(
        'sessions[0].remaining: notNumber',
      );
      expect(problemOf(() => parseDefinition({ ...raw, sessions: [{ ...raw.sessions[1], location: {} }] }))).to.equal(
        'sessions[0].location.name: missing',
      );
      expect(problemOf(() => parseDefinition({ ...raw, id: 'met spatie' }))).to.equal('id: notText');
    });
  });

  describe('sessionStatus', () => {
    it('is open with places left or without a limit', () => {
      expect(sessionStatus(session({ remaining: 12 }), now)).to.equal('open');
      expect(sessionStatus(session(), now)).to.equal('open');
    });
    it('is few with five places or fewer', () => {
      expect(sessionStatus(session({ remaining: 5 }), now)).to.equal('few');
      expect(sessionStatus(session({ remaining: 1 }), now)).to.equal('few');
      expect(sessionStatus(session({ remaining: 6 }), now)).to.equal('open');
    });
    it('is full, with or without a waiting list', () => {
      expect(sessionStatus(session({ remaining: 0, waitlist: true }), now)).to.equal('waitlist');
      expect(sessionStatus(session({ remaining: 0 }), now)).to.equal('full');
    });
    it('is closed after the deadline or once started, and past once ended', () => {
      expect(sessionStatus(session({ deadline: '2027-01-01T11:59:59Z', remaining: 4 }), now)).to.equal('closed');
      expect(sessionStatus(session({ deadline: '2027-01-01T12:00:01Z', remaining: 4 }), now)).to.equal('few');
      expect(sessionStatus(session(), Date.parse('2027-01-12T19:00:00Z'))).to.equal('closed');
      expect(sessionStatus(session({ deadline: '2027-01-13T00:00:00Z' }), Date.parse('2027-01-12T19:00:00Z'))).to.equal('closed');
      expect(sessionStatus(session(), Date.parse('2027-01-12T20:30:00Z'))).to.equal('past');
    });
    it('offers open, few and waiting-list sessions only', () => {
      expect(['open', 'few', 'waitlist', 'full', 'closed', 'past'].filter((s) => isSelectable(s as never))).to.deep.equal([
        'open',
        'few',
        'waitlist',
      ]);
    });
    it('leaves past sessions out and sorts the rest by start', () => {
      const list = upcomingSessions(
        [
          session({ id: 'later', start: '2027-03-01T10:00:00Z', end: '2027-03-01T11:00:00Z' }),
          session({ id: 'past', start: '2026-12-01T10:00:00Z', end: '2026-12-01T11:00:00Z' }),
          session({ id: 'soon' }),
        ],
        now,
      );
      expect(list.map((s) => s.id)).to.deep.equal(['soon', 'later']);
    });
  });

  describe('formatSessionTime', () => {
    it('writes Dutch dates in Amsterdam time with "uur"', () => {
      expect(formatSessionTime('2027-01-12T18:30:00Z', '2027-01-12T20:30:00Z', 'nl')).to.equal(
        'dinsdag 12 januari 2027, 19.30–\u206021.30 uur',
      );
      // Summer time: UTC+2.
      expect(formatSessionTime('2027-06-08T07:05:00Z', '2027-06-08T09:00:00Z', 'nl')).to.equal(
        'dinsdag 8 juni 2027, 9.05–\u206011.00 uur',
      );
    });
    it('names both days for a session past midnight', () => {
      expect(formatSessionTime('2027-01-12T21:00:00Z', '2027-01-12T23:30:00Z', 'nl')).to.equal(
        'dinsdag 12 januari 2027, 22.00 uur – woensdag 13 januari 2027, 0.30 uur',
      );
    });
    it('writes English and Arabic with a 24-hour clock', () => {
      const english = formatSessionTime('2027-01-12T18:30:00Z', '2027-01-12T20:30:00Z', 'en');
      expect(english).to.match(/^Tuesday,? 12 January 2027, 19:30–\u206021:30$/);
      const arabic = formatSessionTime('2027-01-12T18:30:00Z', '2027-01-12T20:30:00Z', 'ar');
      expect(arabic).to.contain('الثلاثاء');
      // Isolated left to right, so the range does not read 21:30–19:30 in the Arabic line.
      expect(arabic).to.match(/\u2066(19|١٩):(30|٣٠)–\u2060(21|٢١):(30|٣٠)\u2069$/);
      expect(arabic).to.contain('، ').and.not.contain(', ');
    });
  });

  describe('validate and toData', () => {
    const selectable = new Set(['s1', 's2']);
    const good = (): Answers => ({
      ...emptyAnswers(),
      sessionIds: ['s1'],
      name: '  Fatima   el Amrani ',
      email: ' fatima@example.nl ',
      consent: true,
    });

    it('passes a complete sign-up', () => {
      expect(validate(good(), selectable)).to.deep.equal({});
    });
    it('asks for a session, name, e-mail and consent', () => {
      expect(validate(emptyAnswers(), selectable)).to.deep.equal({
        sessionIds: 'required',
        name: 'required',
        email: 'required',
        consent: 'required',
      });
    });
    it('does not count a session that can no longer be chosen', () => {
      expect(validate({ ...good(), sessionIds: ['closed'] }, selectable)).to.deep.equal({ sessionIds: 'required' });
    });
    it('rejects a wrong e-mail or phone, and too long texts', () => {
      expect(
        validate(
          { ...good(), email: 'fatima@', phone: '12345', name: 'x'.repeat(201), gemeente: 'g'.repeat(101), remarks: 'r'.repeat(2001) },
          selectable,
        ),
      ).to.deep.equal({ email: 'invalid', phone: 'invalid', name: 'too-long', gemeente: 'too-long', remarks: 'too-long' });
      expect(validate({ ...good(), phone: '06 1234 5678' }, selectable)).to.deep.equal({});
    });
    it('builds clean data, leaving empty optional fields out', () => {
      expect(toData(good(), selectable, false)).to.deep.equal({
        sessionIds: ['s1'],
        name: 'Fatima el Amrani',
        email: 'fatima@example.nl',
        consent: true,
      });
      const full = toData(
        { ...good(), sessionIds: ['s1', 'gone', 's2'], phone: '06-12345678', role: 'ouder', gemeente: ' Utrecht ', needs: ['tolk'], remarks: ' Graag. ' },
        selectable,
        true,
      );
      expect(full).to.deep.equal({
        sessionIds: ['s1', 's2'],
        name: 'Fatima el Amrani',
        email: 'fatima@example.nl',
        phone: '0612345678',
        role: 'ouder',
        gemeente: 'Utrecht',
        needs: ['tolk'],
        remarks: 'Graag.',
        waitlist: true,
        consent: true,
      });
    });
    it('maps server error fields to form fields', () => {
      expect(fieldOf('email')).to.equal('email');
      expect(fieldOf('sessionIds[0]')).to.equal('sessionIds');
      expect(fieldOf('sessionIds')).to.equal('sessionIds');
      expect(fieldOf('meta.x')).to.equal(undefined);
      expect(fieldOf(undefined)).to.equal(undefined);
    });
  });

  describe('outcomes', () => {
    it('takes the status per session, then the overall one, then "sent"', () => {
      expect(outcomes(['a', 'b'], { status: 'confirmed', sessions: [{ id: 'b', status: 'waitlisted' }] })).to.deep.equal([
        { id: 'a', outcome: 'confirmed' },
        { id: 'b', outcome: 'waitlisted' },
      ]);
      expect(outcomes(['a'], {})).to.deep.equal([{ id: 'a', outcome: 'sent' }]);
    });
  });

  describe('webLink', () => {
    it('accepts http(s) links, relative ones against the endpoint, and nothing else', () => {
      const page = 'https://www.example.nl/meedenken/';
      const endpoint = 'https://api.example.org/forms/x';
      expect(webLink('https://api.example.org/afmelden/abc', endpoint, page)).to.equal('https://api.example.org/afmelden/abc');
      expect(webLink('/afmelden/abc', endpoint, page)).to.equal('https://api.example.org/afmelden/abc');
      // A relative endpoint (the usual case on the organisation's own site) is relative to the page.
      expect(webLink('http://127.0.0.1:8080/api/cancel/abc', '/api/forms/x', page)).to.equal('http://127.0.0.1:8080/api/cancel/abc');
      expect(webLink('/api/cancel/abc', '/api/forms/x', page)).to.equal('https://www.example.nl/api/cancel/abc');
      expect(webLink('/api/cancel/abc', undefined, page)).to.equal('https://www.example.nl/api/cancel/abc');
      expect(webLink('javascript:alert(1)', endpoint, page)).to.equal(undefined);
      expect(webLink('data:text/html,hoi', endpoint, page)).to.equal(undefined);
      expect(webLink(undefined, endpoint, page)).to.equal(undefined);
      expect(webLink(42, endpoint, page)).to.equal(undefined);
    });
  });

  describe('calendar file', () => {
    it('escapes backslash, semicolon, comma and line breaks', () => {
      expect(escapeText('a\\b;c,d\ne\r\nf')).to.equal('a\\\\b\\;c\\,d\\ne\\nf');
    });

    it('folds at 75 octets without splitting a character', () => {
      const short = 'SUMMARY:' + 'x'.repeat(67);
      expect(foldLine(short)).to.equal(short);
      const long = 'DESCRIPTION:' + 'é'.repeat(100);
      const lines = foldLine(long).split('\r\n');
      expect(lines.length).to.be.greaterThan(1);
      for (const line of lines) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
      lines.slice(1).forEach((line) => expect(line.startsWith(' ')).to.equal(true));
      expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).to.equal(long);
      expect(lines.join('')).not.to.contain('\uFFFD');
    });

    it('writes stamps in UTC and in Amsterdam wall-clock time', () => {
      expect(utcStamp(new Date('2027-01-12T18:30:05Z'))).to.equal('20270112T183005Z');
      expect(amsterdamStamp(new Date('2027-01-12T18:30:00Z'))).to.equal('20270112T193000');
      expect(amsterdamStamp(new Date('2027-07-01T22:15:00Z'))).to.equal('20270702T001500');
    });

    it('checks every field of a two-session file; a waiting-list place is no appointment and stays out', () => {
      const definition: MeedenksessieDefinition = parseDefinition({
        ...raw,
        sessions: [
          { ...raw.sessions[0], title: 'Avond 1: school, zorg; en meer' },
          { ...raw.sessions[1], location: { name: 'Wijkhuis' } },
        ],
      });
      const events = calendarEvents(
        definition,
        [
          { id: 'avond-1', outcome: 'confirmed' },
          { id: 'avond-2', outcome: 'confirmed' },
          { id: 'avond-2', outcome: 'waitlisted' },
          { id: 'avond-1', outcome: 'sent' },
        ],
        'nl',
        { online: 'online', cancel: (url) => `Afmelden: ${url}` },
        'https://example.nl/afmelden?token=abc',
      );
      const ics = calendarFile(events, new Date('2027-01-01T12:00:00Z'));
      expect(ics.endsWith('\r\n')).to.equal(true);
      expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
      const lines = ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
      for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);

      expect(lines.slice(0, 5)).to.deep.equal([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Ouderstem//ouder-meedenksessie//NL',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
      ]);
      expect(lines.at(-1)).to.equal('END:VCALENDAR');
      const zone = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
      expect(zone).to.include('TZID:Europe/Amsterdam');
      expect(zone).to.include('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
      expect(zone).to.include('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');

      const vevents: string[][] = [];
      lines.forEach((line, index) => {
        if (line === 'BEGIN:VEVENT') vevents.push(lines.slice(index, lines.indexOf('END:VEVENT', index) + 1));
      });
      expect(vevents).to.have.length(2);
      const [first, second] = vevents.map((lines) => Object.fromEntries(lines.map((line) => [line.split(':')[0], line.slice(line.indexOf(':') + 1)])));

      expect(first.UID).to.equal('jeugdzorg-2027.avond-1@ouderstem');
      expect(first.DTSTAMP).to.equal('20270101T120000Z');
      expect(first['DTSTART;TZID=Europe/Amsterdam']).to.equal('20270112T193000');
      expect(first['DTEND;TZID=Europe/Amsterdam']).to.equal('20270112T213000');
      expect(first.SUMMARY).to.equal('Avond 1: school\\, zorg\\; en meer');
      expect(first.LOCATION).to.equal('Bibliotheek\\, Stationsplein 1\\, Utrecht');
      expect(first.DESCRIPTION).to.equal('Denk mee over jeugdzorg\\n\\nAfmelden: https://example.nl/afmelden?token=abc');
      expect(first.STATUS).to.equal('CONFIRMED');

      expect(second.UID).to.equal('jeugdzorg-2027.avond-2@ouderstem');
      expect(second['DTSTART;TZID=Europe/Amsterdam']).to.equal('20270212T193000');
      expect(second.LOCATION).to.equal('Wijkhuis\\, online');
      expect(second.STATUS).to.equal('CONFIRMED');
    });

    it('leaves out sessions the definition no longer has', () => {
      const definition = parseDefinition(raw);
      const words = { online: 'online', cancel: () => '' };
      expect(calendarEvents(definition, [{ id: 'weg', outcome: 'confirmed' }], 'nl', words)).to.deep.equal([]);
      expect(placeOf(definition.sessions[1], 'nl', 'online')).to.equal('online');
    });
  });
});
