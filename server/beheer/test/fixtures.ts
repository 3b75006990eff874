import type { ErvaringDefinition, MeedenksessieDefinition, PeilingDefinition } from '../src/model/forms.js';

export const poll = (): PeilingDefinition => ({
  type: 'peiling',
  id: 'vervoer-2027',
  title: { nl: 'Hoe gaat het leerlingenvervoer?', en: 'How is school transport going?' },
  intro: 'We willen weten hoe het vervoer naar school gaat.',
  questions: [
    {
      id: 'v1',
      type: 'single',
      label: { nl: 'Komt de bus op tijd?', en: 'Is the bus on time?' },
      required: true,
      options: [
        { value: 'ja', label: { nl: 'Ja', en: 'Yes' } },
        { value: 'nee', label: { nl: 'Nee', en: 'No' } },
      ],
    },
    { id: 'v2', type: 'scale', label: { nl: 'Hoe tevreden ben je?', en: 'How satisfied are you?' }, min: 1, max: 5, minLabel: 'Niet', maxLabel: 'Heel erg' },
  ],
  results: 'after-vote',
  integrity: 'open',
});

export const series = (): MeedenksessieDefinition => ({
  type: 'meedenksessie',
  id: 'jeugdbeleid-2027',
  title: 'Denk mee over het jeugdbeleid',
  sessions: [
    {
      id: 's1',
      title: 'Avond in de bibliotheek',
      start: '2099-03-02T19:30:00+01:00',
      end: '2099-03-02T21:30:00+01:00',
      location: { name: 'Bibliotheek Centrum', address: 'Spui 68, Den Haag' },
      capacity: 12,
      waitlist: true,
    },
    { id: 's2', title: 'Online', start: '2099-03-09T20:00:00+01:00', end: '2099-03-09T21:00:00+01:00', online: true },
  ],
  roles: [{ value: 'ouder', label: 'Ouder' }],
  needs: [{ value: 'tolk', label: 'Een tolk' }],
});

export const story = (): ErvaringDefinition => ({
  type: 'ervaring',
  id: 'ervaringen-onderwijs',
  title: 'Deel je ervaring met passend onderwijs',
  themes: [
    { value: 'school', label: 'School' },
    { value: 'zorg', label: 'Zorg' },
  ],
  retentionDays: 365,
});

/** The forms the dev page and some tests start with. */
export function sample(): { definition: PeilingDefinition | MeedenksessieDefinition | ErvaringDefinition; extra?: Record<string, unknown> }[] {
  return [
    { definition: poll(), extra: { state: 'gepubliceerd', publishedVersion: 1, responses: 23 } },
    { definition: series() },
    { definition: story(), extra: { state: 'gesloten', publishedVersion: 1, responses: 4 } },
  ];
}
