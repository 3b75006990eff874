import { expect } from '@open-wc/testing';
import { DefinitionError } from '../src/core/definition.js';
import { distanceKm, groupPoints, neighbour, parseRegions, project } from '../src/netwerkkaart/geo.js';
import {
  matchPlaces,
  nearestNetworks,
  networksFor,
  normalizePlace,
  parseNetwerkkaart,
  phoneHref,
  placeKey,
  placesOf,
  safeWebsite,
} from '../src/netwerkkaart/netwerkkaart.js';
import { mapSize, outline } from '../src/netwerkkaart/outline.js';
import demo from './fixtures/netwerkkaart.json';
import demoRegions from './fixtures/netwerkkaart-regions.json';

const network = (fields: object = {}) => ({ id: 'a', name: 'A', type: 'oudersraad', gemeenten: ['Delft'], ...fields });

describe('netwerkkaart logic', () => {
  describe('parseNetwerkkaart', () => {
    it('reads the demo file without problems, with the declared types', () => {
      const kaart = parseNetwerkkaart(demo);
      expect(kaart.networks).to.have.length(8);
      expect(kaart.types.map((type) => type.value)).to.deep.equal(['oudersraad', 'oudersteunpunt', 'ouderplatform', 'ervaringsdeskundigen']);
      expect(kaart.problems).to.deep.equal([]);
    });

    it('rejects only a file without a list of networks', () => {
      expect(() => parseNetwerkkaart({ netwerken: [] })).to.throw(DefinitionError, 'networks: missing');
      expect(() => parseNetwerkkaart('nonsense')).to.throw(DefinitionError);
    });

    it('skips malformed networks, names each one, and keeps the valid ones', () => {
      const kaart = parseNetwerkkaart({
        networks: [
          network({ id: 'ok' }),
          network({ id: 'no-type', type: undefined }),
          'not an object',
          network({ id: 'no-name', name: '' }),
          network({ id: 'ok' }),
          network({ id: 'bad-gemeente', gemeenten: ['Delft', 3] }),
          network({ id: 'bad-area', gemeenten: undefined, areas: 'JZ24' }),
        ],
      });
      expect(kaart.networks.map((n) => n.id)).to.deep.equal(['ok']);
      expect(kaart.problems).to.deep.equal([
        { path: 'networks[1].type', problem: 'missing', scope: 'entry' },
        { path: 'networks[2]', problem: 'notObject', scope: 'entry' },
        { path: 'networks[3].name', problem: 'missing', scope: 'entry' },
        { path: 'networks[4].id', problem: 'duplicate', scope: 'entry' },
        { path: 'networks[5].gemeenten[1]', problem: 'notText', scope: 'entry' },
        { path: 'networks[6].areas', problem: 'notList', scope: 'entry' },
      ]);
    });

    it('keeps a network that names areas by code instead of gemeenten, and one that names neither', () => {
      const kaart = parseNetwerkkaart({
        networks: [network({ id: 'regio', gemeenten: undefined, areas: [' JZ24', 'GM0637'] }), network({ id: 'landelijk', gemeenten: undefined })],
      });
      expect(kaart.networks.map(({ id, gemeenten, areas }) => ({ id, gemeenten, areas }))).to.deep.equal([
        { id: 'regio', gemeenten: undefined, areas: ['JZ24', 'GM0637'] },
        { id: 'landelijk', gemeenten: undefined, areas: undefined },
      ]);
      expect(kaart.problems).to.deep.equal([]);
    });

    it('leaves out a bad optional field but keeps the network', () => {
      const kaart = parseNetwerkkaart({
        networks: [
          network({
            website: 'javascript:alert(1)',
            email: 'niet-een-adres',
            phone: 'bel ons',
            location: { lat: 'noord', lon: 5 },
            description: 42,
          }),
        ],
      });
      expect(kaart.networks).to.have.length(1);
      const [kept] = kaart.networks;
      expect(kept.website).to.equal(undefined);
      expect(kept.email).to.equal(undefined);
      expect(kept.phone).to.equal(undefined);
      expect(kept.location).to.equal(undefined);
      expect(kaart.problems.map((p) => `${p.path} ${String(p.problem)} ${p.scope}`)).to.deep.equal([
        'networks[0].description notText field',
        'networks[0].location notWgs84 field',
        'networks[0].website notLink field',
        'networks[0].email notEmail field',
        'networks[0].phone notPhone field',
      ]);
    });

    it('keeps a network with an undeclared type, adds that type, and says so', () => {
      const kaart = parseNetwerkkaart({
        types: [{ value: 'oudersraad', label: 'Oudersraad' }],
        networks: [network(), network({ id: 'b', type: 'buurtnetwerk' })],
      });
      expect(kaart.networks).to.have.length(2);
      expect(kaart.types).to.deep.equal([
        { value: 'oudersraad', label: 'Oudersraad' },
        { value: 'buurtnetwerk', label: 'buurtnetwerk' },
      ]);
      expect(kaart.problems).to.deep.equal([{ path: 'networks[1].type', problem: 'unknownType', scope: 'kept' }]);
    });

    it('takes the types from the data when none are declared, without complaint', () => {
      const kaart = parseNetwerkkaart({ networks: [network(), network({ id: 'b', type: 'oudersteunpunt' })] });
      expect(kaart.types.map((type) => type.value)).to.deep.equal(['oudersraad', 'oudersteunpunt']);
      expect(kaart.problems).to.deep.equal([]);
    });

    it('reads a GeoJSON FeatureCollection of Points, location from the geometry', () => {
      const kaart = parseNetwerkkaart({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [4.36, 52.01] }, properties: network() },
          { type: 'Feature', geometry: null, properties: network({ id: 'b' }) },
          { type: 'Feature', geometry: null, properties: { id: 'c', type: 'x' } },
        ],
      });
      expect(kaart.networks.map((n) => [n.id, n.location])).to.deep.equal([
        ['a', { lat: 52.01, lon: 4.36 }],
        ['b', undefined],
      ]);
      expect(kaart.problems).to.deep.equal([{ path: 'features[2].properties.name', problem: 'missing', scope: 'entry' }]);
    });
  });

  describe('links', () => {
    it('only http and https become websites', () => {
      expect(safeWebsite('https://example.org/a')).to.equal('https://example.org/a');
      expect(safeWebsite('http://example.org')).to.equal('http://example.org/');
      expect(safeWebsite('javascript:alert(1)')).to.equal(undefined);
      expect(safeWebsite('data:text/html,hoi')).to.equal(undefined);
      expect(safeWebsite('example.org')).to.equal(undefined);
    });

    it('dials a phone number as written', () => {
      expect(phoneHref('070 123 45 67')).to.equal('tel:0701234567');
      expect(phoneHref('+31 (0)58 123 4567')).to.equal('tel:+31581234567');
    });
  });

  describe('finding a place', () => {
    const kaart = parseNetwerkkaart(demo);
    const places = placesOf(kaart.networks);

    it('folds case, accents, apostrophes and punctuation', () => {
      expect(normalizePlace("'s-Gravenhage")).to.equal('s gravenhage');
      expect(normalizePlace('Súdwest-Fryslân')).to.equal(normalizePlace('sudwest fryslan'));
      expect(placeKey('Den Haag')).to.equal(placeKey("'s-Gravenhage"));
      expect(placeKey('den bosch')).to.equal(placeKey("'s-Hertogenbosch"));
      expect(placeKey('RIJSWIJK')).to.equal(placeKey('Rijswijk'));
      expect(placeKey("'s-Gravenhage (gemeente)")).to.equal(placeKey('Den Haag'));
      expect(placeKey('Bergen (NH)')).not.to.equal(placeKey('Bergen (L)'));
    });

    it('offers the gemeenten, the regions and the aliases of gemeenten in the data', () => {
      const labels = places.map((place) => place.label);
      expect(labels).to.include.members(['Rijswijk', "'s-Gravenhage", 'Den Haag', 'Den Bosch', 'Haaglanden', 'Súdwest-Fryslân']);
      expect(labels).not.to.include('Nuenen');
    });

    it('matches tolerantly, best first', () => {
      const labels = (query: string) => matchPlaces(query, places).map((place) => place.label);
      expect(labels('den haag')[0]).to.be.oneOf(['Den Haag', "'s-Gravenhage"]);
      expect(labels('den haag')).to.include.members(['Den Haag', "'s-Gravenhage"]);
      expect(labels('gravenhage')).to.include("'s-Gravenhage");
      expect(labels('Sudwest Fryslan')).to.deep.equal(['Súdwest-Fryslân', 'Zuidwest-Friesland']);
      expect(labels('den bosch')).to.include("'s-Hertogenbosch");
      expect(labels('rijs')).to.deep.equal(['Rijswijk']);
      expect(labels('delf')).to.deep.equal(['Delft', 'Midden-Delfland']);
      expect(labels('xyz')).to.deep.equal([]);
      expect(labels('  ')).to.deep.equal([]);
    });

    it('finds the networks for a place by gemeente or by region', () => {
      const ids = (name: string) => networksFor(placeKey(name), kaart.networks).map((n) => n.id);
      expect(ids('Den Haag')).to.deep.equal(['oudersraad-haaglanden']);
      expect(ids('delft')).to.deep.equal(['oudersteunpunt-delft']);
      expect(ids('Twente')).to.deep.equal(['ervaringsdeskundigen-twente']);
      expect(ids('Pijnacker-Nootdorp')).to.deep.equal([]);
    });

    it('orders the nearest networks by distance, skipping those without a location', () => {
      const nearest = nearestNetworks({ lat: 52.02, lon: 4.43 }, kaart.networks, 2);
      expect(nearest.map(({ network }) => network.id)).to.deep.equal(['oudersteunpunt-delft', 'oudersraad-haaglanden']);
      expect(nearest[0].km).to.be.within(4, 7);
      expect(distanceKm({ lat: 52.0907, lon: 5.1214 }, { lat: 52.3676, lon: 4.9041 })).to.be.within(33, 36);
    });
  });

  describe('map', () => {
    it('projects the Netherlands into the outline’s frame, north up and east right', () => {
      const [amsterdamX, amsterdamY] = project(4.9041, 52.3676);
      const [enschedeX] = project(6.8937, 52.2215);
      const [, maastrichtY] = project(5.691, 50.8514);
      expect(enschedeX).to.be.greaterThan(amsterdamX);
      expect(maastrichtY).to.be.greaterThan(amsterdamY);
      for (const [x, y] of [project(3.36, 51.37), project(7.22, 53.24), project(5.69, 50.76), project(6.2, 53.5)]) {
        expect(x).to.be.within(0, mapSize.width);
        expect(y).to.be.within(0, mapSize.height);
      }
      expect(outline).to.match(/^M\d/);
    });

    it('groups points that would overlap and keeps far ones apart', () => {
      const groups = groupPoints(
        [
          { x: 0, y: 0, item: 'a' },
          { x: 5, y: 0, item: 'b' },
          { x: 100, y: 0, item: 'c' },
        ],
        20,
      );
      expect(groups.map((group) => group.members)).to.deep.equal([['a', 'b'], ['c']]);
      expect(groups[0].x).to.equal(2.5);
    });

    it('steps west→east with left/right and north→south with up/down', () => {
      const markers = [
        { x: 10, y: 50, name: 'west' },
        { x: 90, y: 40, name: 'east' },
        { x: 50, y: 5, name: 'north' },
      ];
      const [west, east, north] = markers;
      expect(neighbour(markers, west, 'ArrowRight')?.name).to.equal('north');
      expect(neighbour(markers, north, 'ArrowRight')?.name).to.equal('east');
      expect(neighbour(markers, east, 'ArrowRight')).to.equal(undefined);
      expect(neighbour(markers, north, 'ArrowDown')?.name).to.equal('east');
      expect(neighbour(markers, west, 'ArrowUp')?.name).to.equal('east');
    });
  });

  describe('parseRegions', () => {
    it('reads GeoJSON polygons with a CBS name property into projected paths', () => {
      const { regions, problems } = parseRegions(demoRegions);
      expect(problems).to.deep.equal([]);
      expect(regions.map((region) => region.name)).to.include('Rijswijk');
      const rijswijk = regions.find((region) => region.name === 'Rijswijk')!;
      expect(rijswijk.key).to.equal(placeKey('rijswijk'));
      expect(rijswijk.path).to.match(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+Z$/);
      expect(rijswijk.center.lat).to.be.closeTo(52.03, 0.001);
    });

    it('decodes quantized TopoJSON, including reversed arcs, the same as GeoJSON', () => {
      const topology = {
        type: 'Topology',
        transform: { scale: [0.01, 0.01], translate: [4, 52] },
        objects: {
          gemeenten: {
            type: 'GeometryCollection',
            geometries: [
              { type: 'Polygon', arcs: [[0, 1]], properties: { statnaam: 'West' } },
              { type: 'Polygon', arcs: [[~1, 2]], properties: { statnaam: 'Oost' } },
            ],
          },
        },
        // (4,52)→(4.1,52)→(4.1,52.1) | (4.1,52.1)→(4,52.1)→(4,52)... shared edge arc 1 is (4.1,52)–(4.1,52.1)
        arcs: [
          [
            [10, 10],
            [0, -10],
            [-10, 0],
            [0, 10],
            [10, 0],
          ],
          [
            [20, 10],
            [0, -10],
          ],
          [
            [20, 0],
            [10, 0],
            [0, 10],
            [-10, 0],
          ],
        ],
      };
      const { regions, problems } = parseRegions(topology);
      expect(problems).to.deep.equal([]);
      expect(regions.map((region) => region.name)).to.deep.equal(['West', 'Oost']);
      const [x1] = project(4.1, 52.1);
      expect(regions[0].path).to.contain(`${Math.round(x1 * 10) / 10}`);
      expect(regions[1].center.lon).to.be.closeTo(4.25, 0.001);
    });

    it('skips a region without a name, without polygons or in RD coordinates, and says which', () => {
      const { regions, problems } = parseRegions({
        type: 'FeatureCollection',
        features: [
          { properties: { naam: 'Goed' }, geometry: { type: 'Polygon', coordinates: [[[4, 52], [4.1, 52], [4.1, 52.1], [4, 52]]] } },
          { properties: {}, geometry: { type: 'Polygon', coordinates: [[[4, 52], [4.1, 52], [4, 52]]] } },
          { properties: { naam: 'Lijn' }, geometry: { type: 'LineString', coordinates: [[4, 52], [5, 52]] } },
          { properties: { naam: 'RD' }, geometry: { type: 'Polygon', coordinates: [[[81000, 455000], [82000, 455000], [81000, 455000]]] } },
        ],
      });
      expect(regions.map((region) => region.name)).to.deep.equal(['Goed']);
      expect(problems.map((p) => `${p.path} ${String(p.problem)}`)).to.deep.equal([
        'features[1].properties.name missing',
        'features[2].geometry notPolygon',
        'features[3].geometry notWgs84',
      ]);
    });

    it('names broken TopoJSON instead of throwing a TypeError: arcs that are no lists, geometries without arcs', () => {
      expect(() => parseRegions({ type: 'Topology', arcs: [5], objects: { g: { type: 'GeometryCollection', geometries: [] } } }))
        .to.throw(DefinitionError)
        .with.property('path', 'arcs[0]');
      const { regions, problems } = parseRegions({
        type: 'Topology',
        arcs: [[[4, 52], [4.1, 52], [4.1, 52.1], [4, 52]]],
        objects: {
          g: {
            type: 'GeometryCollection',
            geometries: [
              { type: 'Polygon', arcs: [[0]], properties: { naam: 'Goed' } },
              { type: 'Polygon', properties: { naam: 'Zonder bogen' } },
              { type: 'MultiPolygon', arcs: [['nul']], properties: { naam: 'Rare bogen' } },
              null,
            ],
          },
        },
      });
      expect(regions.map((region) => region.name)).to.deep.equal(['Goed']);
      expect(problems.map((p) => `${p.path} ${String(p.problem)}`)).to.deep.equal([
        'geometries[1].geometry notPolygon',
        'geometries[2].geometry notPolygon',
        'geometries[3] notObject',
      ]);
    });
  });
});
