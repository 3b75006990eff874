import { expect } from '@open-wc/testing';
import { DefinitionError } from '../src/core/definition.js';
import { placeKey } from '../src/netwerkkaart/gazetteer.js';
import { boxAround, groupPoints, neighbour, parseRegions, project, viewOf } from '../src/netwerkkaart/geo.js';
import { parseNetwerkkaart, phoneHref, safeWebsite } from '../src/netwerkkaart/netwerkkaart.js';
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

    it('zooms with a viewBox in the map’s proportions, with a margin, never closer than a minimum, within the map', () => {
      const map = { width: 400, height: 460 };
      const [x, y, width, height] = viewOf([100, 100, 120, 110], map);
      expect(width).to.equal(70);
      expect(height).to.be.closeTo(70 * 1.15, 0.1);
      expect(x + width / 2).to.be.closeTo(110, 0.1);
      expect(y + height / 2).to.be.closeTo(105, 0.1);
      const tall = viewOf([100, 50, 110, 350], map);
      expect(tall[3]).to.be.closeTo(300 * 1.3, 0.1);
      expect(tall[2] / tall[3]).to.be.closeTo(400 / 460, 0.001);
      expect(viewOf([0, 0, 400, 460], map)).to.deep.equal([0, 0, 400, 460]);
      const corner = viewOf([0, 0, 10, 10], map);
      expect([corner[0], corner[1]]).to.deep.equal([0, 0]);
      expect(boxAround([[1, 2, 3, 4], [0, 3, 2, 9]])).to.deep.equal([0, 2, 3, 9]);
      expect(boxAround([])).to.equal(undefined);
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
      expect(rijswijk.center[1]).to.be.closeTo(52.03, 0.001);
      expect(rijswijk.code, 'the fixture has names only').to.equal(undefined);
      const [left, top, right, bottom] = rijswijk.box;
      expect(right - left).to.be.within(1, 20);
      expect(bottom - top).to.be.within(1, 20);
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
      expect(regions[1].center[0]).to.be.closeTo(4.25, 0.001);
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
