// Types for scripts/netwerkkaart-testdata.mjs (used by the stories).
export function random(seed?: number): () => number;
export function exampleNetworks(
  gebieden: { gemeenten: { name: string; jeugdregio: string; point: number[] }[] },
  count?: number,
  seed?: number,
): { type: 'netwerkkaart'; networks: object[] };
