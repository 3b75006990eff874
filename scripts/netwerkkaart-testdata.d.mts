// Types for scripts/netwerkkaart-testdata.mjs (used by the stories).
export function random(seed?: number): () => number;
export function fakeGemeenten(
  map: { outline: string; projection: { x0: number; y0: number; kx: number; ky: number } },
  count?: number,
  vertices?: number,
  seed?: number,
): { type: 'FeatureCollection'; features: { type: 'Feature'; properties: { statcode: string; statnaam: string }; geometry: { type: 'Polygon'; coordinates: number[][][] } }[] };
export function fakeNetworks(gemeenten: ReturnType<typeof fakeGemeenten>, count?: number, seed?: number): { type: 'netwerkkaart'; networks: object[] };
