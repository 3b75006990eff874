// Plausible, made-up networks over the real gemeenten of data/gebieden-2025.json, for
// scripts/bench-netwerkkaart.mjs and the stories. Deterministic (seeded); works in Node and in the
// browser. The networks are examples (example.org); the gemeenten and their points are CBS's.

/** A small seeded random generator (mulberry32), so every run draws the same networks. */
export function random(seed = 528) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const types = ['oudersraad', 'oudersteunpunt', 'ouderplatform', 'ervaringsdeskundigen', 'transformatieproject'];

/**
 * `count` networks, each serving 1–5 gemeenten by name (every fifth its jeugdregio by code
 * instead), located at its first gemeente's point (every tenth without a location).
 */
export function exampleNetworks(gebieden, count = 100, seed = 6) {
  const next = random(seed);
  const pick = () => gebieden.gemeenten[Math.floor(next() * gebieden.gemeenten.length)];
  return {
    type: 'netwerkkaart',
    networks: Array.from({ length: count }, (_, index) => {
      const home = pick();
      const served = [home, ...Array.from({ length: Math.floor(next() * 5) }, pick)];
      const type = types[index % types.length];
      const [lon, lat] = home.point;
      return {
        id: `netwerk-${index + 1}`,
        name: `${type[0].toUpperCase()}${type.slice(1)} ${home.name}`,
        type,
        ...(index % 5 === 4 ? { areas: [home.jeugdregio] } : { gemeenten: [...new Set(served.map((gemeente) => gemeente.name))] }),
        ...(index % 10 === 9 ? {} : { location: { lat, lon } }),
        website: `https://example.org/netwerk-${index + 1}`,
        ...(index % 3 === 0 ? { email: `netwerk-${index + 1}@example.org` } : {}),
        description: 'Ouders die samen meedenken over onderwijs, jeugdhulp en zorg in hun gemeente.',
      };
    }),
  };
}
