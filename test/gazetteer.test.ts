import { expect } from '@open-wc/testing';
import gebieden from '../data/gebieden-2025.json';
import {
  checkNetworks,
  describeNetworkProblem,
  type Gemeente,
  gemeenteOf,
  gemeentenServedBy,
  isPostcode,
  matchPlaces,
  nearestNetworks,
  networksFor,
  normalizePlace,
  placeKey,
  placeNames,
  readGazetteer,
  withoutSuffix,
} from '../src/netwerkkaart/gazetteer.js';

const gazetteer = readGazetteer(gebieden);
const gemeenten = [...gazetteer.areas.values()].filter((area) => area.kind === 'gemeente') as Gemeente[];
const codesOf = (typed: string) => gazetteer.names.get(placeKey(typed))?.codes;
const places = placeNames([], gazetteer);
const firstMatch = (typed: string) => matchPlaces(typed, places)[0];
const nameOf = (code: string) => gazetteer.areas.get(code)!.name;

describe('gazetteer: the whole table (data/gebieden-2025.json)', () => {
  describe('areas', () => {
    it('has 342 gemeenten, 42 jeugdregio’s, 12 provincies and 25 GGD regions, each code once', () => {
      const count = (kind: string) => [...gazetteer.areas.values()].filter((area) => area.kind === kind).length;
      expect([count('gemeente'), count('jeugdregio'), count('provincie'), count('ggd')]).to.deep.equal([342, 42, 12, 25]);
      expect(new Set(gebieden.gemeenten.map((gemeente) => gemeente.code)).size).to.equal(342);
    });

    for (const [kind, regions] of [
      ['jeugdregio', 42],
      ['provincie', 12],
      ['ggd', 25],
    ] as const) {
      it(`every gemeente lies in exactly one ${kind}, and the ${regions} together cover all 342`, () => {
        const areas = [...gazetteer.areas.values()].filter((area) => area.kind === kind);
        expect(areas).to.have.length(regions);
        for (const gemeente of gemeenten) {
          const holding = areas.filter((area) => area.gemeenten.includes(gemeente.code));
          expect(holding.map((area) => area.code), gemeente.name).to.deep.equal([gemeente[kind]]);
        }
        const covered = areas.flatMap((area) => area.gemeenten);
        expect(covered).to.have.length(342);
        expect(new Set(covered)).to.deep.equal(new Set(gemeenten.map((gemeente) => gemeente.code)));
        for (const area of areas) expect(area.gemeenten, `${area.name} is not empty`).not.to.be.empty;
      });
    }

    it('has jeugdregio codes JZ01–JZ43 without JZ40, and knows Zoetermeer in Haaglanden', () => {
      const codes = [...gazetteer.areas.keys()].filter((code) => code.startsWith('JZ')).sort();
      const expected = Array.from({ length: 43 }, (_, index) => `JZ${String(index + 1).padStart(2, '0')}`).filter((code) => code !== 'JZ40');
      expect(codes).to.deep.equal(expected);
      const zoetermeer = gemeenteOf(gazetteer, codesOf('Zoetermeer')![0])!;
      expect([nameOf(zoetermeer.jeugdregio), nameOf(zoetermeer.provincie), nameOf(zoetermeer.ggd)]).to.deep.equal([
        'Haaglanden',
        'Zuid-Holland',
        'GGD Haaglanden',
      ]);
    });

    it('puts a point inside every gemeente within the country', () => {
      for (const { name, point } of gemeenten) {
        const [lon, lat] = point;
        expect(lon, name).to.be.within(3.3, 7.3);
        expect(lat, name).to.be.within(50.7, 53.6);
      }
    });
  });

  describe('names', () => {
    it('finds every gemeente by its CBS name, also in lower case, capitals, without accents or hyphens', () => {
      for (const { code, name } of gemeenten) {
        const variants = [
          name,
          name.toLowerCase(),
          name.toUpperCase(),
          name.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
          name.replace(/-/g, ' '),
          `${name} (gemeente)`,
        ];
        for (const variant of variants) expect(codesOf(variant), variant).to.deep.equal([code]);
        expect(firstMatch(name).codes, `suggested first for "${name}"`).to.deep.equal([code]);
      }
    });

    it('finds every gemeente by its name without the CBS suffix where only one has it; "Bergen" fits two', () => {
      const suffixed = gemeenten.filter(({ name }) => withoutSuffix(name) !== name);
      expect(suffixed.map(({ name }) => name).sort()).to.deep.equal([
        'Beek (L.)',
        'Bergen (L.)',
        'Bergen (NH.)',
        'Hengelo (O.)',
        'Laren (NH.)',
        'Middelburg (Z.)',
        'Rijswijk (ZH.)',
        'Stein (L.)',
      ]);
      for (const { code, name } of suffixed) {
        const short = withoutSuffix(name);
        const namesakes = suffixed.filter((other) => withoutSuffix(other.name) === short).map((other) => other.code);
        expect(codesOf(short), short).to.have.members(namesakes);
        if (namesakes.length === 1) expect(codesOf(short), short).to.deep.equal([code]);
      }
      expect(codesOf('Bergen')).to.have.members([codesOf('Bergen (NH.)')![0], codesOf('Bergen (L.)')![0]]);
      expect(codesOf('bergen nh')).to.deep.equal(codesOf('Bergen (NH.)'));
      expect(codesOf('Bergen (Limburg)')).to.deep.equal(codesOf('Bergen (L.)'));
    });

    it('finds every gemeente by each of its other names', () => {
      let count = 0;
      for (const { code, name, otherNames = [] } of gebieden.gemeenten) {
        for (const other of otherNames) {
          count++;
          expect(codesOf(other), `${other} → ${name}`).to.deep.equal([code]);
          expect(firstMatch(other).codes, `suggested first for "${other}"`).to.deep.equal([code]);
        }
      }
      expect(count).to.equal(73);
      expect(codesOf('Den Haag')).to.deep.equal(codesOf("'s-Gravenhage"));
      expect(codesOf('den bosch')).to.deep.equal(codesOf("'s-Hertogenbosch"));
      expect(codesOf('Ljouwert')).to.deep.equal(codesOf('Leeuwarden'));
    });

    it("folds 's- and its spellings: 's-Gravenhage, s-Gravenhage, 's Gravenhage, Gravenhage", () => {
      for (const typed of ["'s-Gravenhage", 's-Gravenhage', "'s Gravenhage", 's Gravenhage', 'Gravenhage', '’s-Gravenhage']) {
        expect(codesOf(typed), typed).to.deep.equal(['GM0518']);
      }
      expect(normalizePlace("'s-Hertogenbosch")).to.equal('s hertogenbosch');
      expect(placeKey("'s-Hertogenbosch")).to.equal('hertogenbosch');
    });

    it('leads every former gemeente to the one(s) it is part of now', () => {
      expect(gebieden.former).to.have.length(63);
      for (const { name, now } of gebieden.former) {
        const place = gazetteer.names.get(placeKey(name))!;
        expect(place.codes, name).to.have.members(now);
        expect(place.former, name).to.equal(true);
        expect(firstMatch(name).codes, `suggested first for "${name}"`).to.have.members(now);
      }
      expect(codesOf('Haarlemmerliede en Spaarnwoude')).to.deep.equal(codesOf('Haarlemmermeer'));
      expect(codesOf('Haaren')).to.have.length(4);
    });

    it('suggests while typing: "Leidschendam", "Haarlemmerliede", "den bosch", "zoeter"', () => {
      expect(nameOf(firstMatch('Leidschendam').codes[0])).to.equal('Leidschendam-Voorburg');
      expect(nameOf(firstMatch('Voorburg').codes[0])).to.equal('Leidschendam-Voorburg');
      expect(firstMatch('Haarlemmerliede').label).to.equal('Haarlemmerliede en Spaarnwoude');
      expect(nameOf(firstMatch('Haarlemmerliede').codes[0])).to.equal('Haarlemmermeer');
      expect(nameOf(firstMatch('den bosch').codes[0])).to.equal("'s-Hertogenbosch");
      expect(firstMatch('zoeter').label).to.equal('Zoetermeer');
    });

    it('offers each place once, under its best name, best first: "bergen" gives the ambiguous name, then names starting with it, then containing it', () => {
      expect(matchPlaces('bergen', places).map((place) => place.label)).to.deep.equal([
        'Bergen',
        'Berg en Dal',
        'Bergen (L.)',
        'Bergen (NH.)',
        'Bergen op Zoom',
        'Haaksbergen',
        'Steenbergen',
        'Tubbergen',
      ]);
      expect(matchPlaces('den haag', places).map((place) => place.label)).to.deep.equal(['Den Haag']);
      expect(matchPlaces('xyz', places)).to.deep.equal([]);
      expect(matchPlaces('  ', places)).to.deep.equal([]);
    });

    it('tells a postcode from a name', () => {
      for (const typed of ['2511', ' 2511 ', '2511AB', '2511 ab']) expect(isPostcode(typed), typed).to.equal(true);
      for (const typed of ['0511', '251', '25111', 'Zoetermeer', '2511 abc']) expect(isPostcode(typed), typed).to.equal(false);
    });
  });

  describe('networks', () => {
    const zoetermeerNetwork = { id: 'platform', gemeenten: ['Zoetermeer', 'Lansingerland'] };
    const haaglanden = { id: 'haaglanden', gemeenten: [], areas: ['JZ24'] };
    const zuidHolland = { id: 'zh', gemeenten: [], areas: ['PV28'], location: { lat: 52.0, lon: 4.5 } };
    const bergen = { id: 'bergen', gemeenten: ['Bergen'], region: 'Noord-Kennemerland' };
    const networks = [zuidHolland, haaglanden, zoetermeerNetwork, bergen];
    const zoetermeer = gazetteer.names.get(placeKey('Zoetermeer'))!;

    it('finds the networks that serve a gemeente, named first, then through its jeugdregio, GGD region, provincie', () => {
      const links = networksFor(zoetermeer, networks, gazetteer);
      expect(links.map(({ network, via }) => [network.id, via?.name])).to.deep.equal([
        ['platform', undefined],
        ['haaglanden', 'Haaglanden'],
        ['zh', 'Zuid-Holland'],
      ]);
      expect(networksFor(gazetteer.names.get(placeKey('Delft'))!, networks, gazetteer).map(({ network }) => network.id)).to.deep.equal(['haaglanden', 'zh']);
      expect(networksFor(gazetteer.names.get(placeKey('Groningen'))!, networks, gazetteer)).to.deep.equal([]);
    });

    it('counts every gemeente a network serves through its areas', () => {
      expect(gemeentenServedBy(haaglanden, networks, gazetteer).size).to.equal(gazetteer.areas.get('JZ24')!.gemeenten.length);
      expect(gemeentenServedBy(zoetermeerNetwork, networks, gazetteer).size).to.equal(2);
      expect(gemeentenServedBy(bergen, networks, gazetteer).size, '"Bergen" names no single gemeente').to.equal(0);
    });

    it('without the table, finds networks by the names in their own file', () => {
      const names = placeNames(networks);
      expect(names.map((place) => place.label)).to.have.members(['Zoetermeer', 'Lansingerland', 'Bergen', 'Noord-Kennemerland']);
      const place = matchPlaces('noord kennemerland', names)[0];
      expect(networksFor(place, networks).map(({ network }) => network.id)).to.deep.equal(['bergen']);
    });

    it('orders the nearest networks by distance', () => {
      const [nearest] = nearestNetworks(gemeenteOf(gazetteer, 'GM0518')!.point, networks);
      expect(nearest.network.id).to.equal('zh');
      expect(nearest.km).to.be.within(10, 25);
    });
  });

  describe('checking a networks file', () => {
    it('names each problem a web editor can fix, and nothing in a good file', () => {
      const problems = checkNetworks(
        [
          { gemeenten: ["'s-Gravenhage", 'Den Haag', 'Hengelo'], areas: ['JZ24', 'PV28', 'GG7014', 'GM0637'], location: { lat: 52.07, lon: 4.3 } },
          { gemeenten: ['Bergen', 'Haarlemmerliede', 'Haaren', 'Atlantis', 'Haaglanden', 'Zeeland'], areas: ['JZ40'] },
          { gemeenten: [], location: { lat: 4.3, lon: 52.07 } },
        ],
        gazetteer,
      );
      expect(problems.map((problem) => [problem.path, problem.problem, problem.suggestions])).to.deep.equal([
        ['networks[1].gemeenten[0]', 'ambiguousGemeente', ['Bergen (NH.)', 'Bergen (L.)']],
        ['networks[1].gemeenten[1]', 'unknownGemeente', undefined],
        ['networks[1].gemeenten[2]', 'formerGemeente', ['Boxtel', 'Oisterwijk', 'Tilburg', 'Vught']],
        ['networks[1].gemeenten[3]', 'unknownGemeente', undefined],
        ['networks[1].gemeenten[4]', 'regionAsGemeente', ['JZ24']],
        ['networks[1].gemeenten[5]', 'regionAsGemeente', ['JZ38', 'PV29']],
        ['networks[1].areas[0]', 'unknownArea', undefined],
        ['networks[2]', 'noArea', undefined],
        ['networks[2].location', 'outsideNetherlands', undefined],
      ]);
      expect(problems.map(describeNetworkProblem)).to.include.members([
        'networks[1].gemeenten[4]: "Haaglanden" is a region, not a gemeente: put its code in "areas": "JZ24"',
        'networks[2].location: 4.3, 52.07 is outside the Netherlands; are latitude and longitude swapped?',
      ]);
    });

    it('names a single-successor former gemeente with the name to write', () => {
      const [problem] = checkNetworks([{ gemeenten: ['Haarlemmerliede en Spaarnwoude'] }], gazetteer, (index) => `features[${index}].properties`);
      expect(describeNetworkProblem(problem)).to.equal(
        'features[0].properties.gemeenten[0]: "Haarlemmerliede en Spaarnwoude" is a former gemeente, now part of Haarlemmermeer: write "Haarlemmermeer"',
      );
    });

    it('refuses a file that is no gebieden table', () => {
      expect(() => readGazetteer({ networks: [] })).to.throw();
      expect(() => readGazetteer(null)).to.throw();
    });
  });
});
