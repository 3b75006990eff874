import type { Content } from './content.js';

/** How far ahead the demo's first session must lie after rolling. */
const AHEAD_MS = 14 * 24 * 60 * 60 * 1000;

/** The same moment `years` later; the offset is kept (the demo avoids the weeks clocks change). */
function later(iso: string, years: number): string {
  const match = /^(\d{4})(.*)$/.exec(iso);
  return match ? `${Number(match[1]) + years}${match[2]}` : iso;
}

/**
 * The demo content (`--demo`) is dated. So that the demo and the end-to-end tests keep working
 * once those dates pass, every date in it moves forward by the same whole number of years until
 * the first session lies at least two weeks ahead and no poll has closed. Real content is never
 * touched.
 */
export function rollDemoDates(content: Content, now = new Date()): number {
  const dates: { read: () => string; write: (value: string) => void }[] = [];
  const firstNeeded: number[] = [];
  for (const authored of content.forms.values()) {
    const definition = authored as Record<string, any>;
    if (definition.type === 'peiling' && typeof definition.closesAt === 'string') {
      dates.push({ read: () => definition.closesAt, write: (value) => (definition.closesAt = value) });
      firstNeeded.push(Date.parse(definition.closesAt));
    }
    if (definition.type === 'meedenksessie') {
      for (const session of definition.sessions as Record<string, string>[]) {
        for (const key of ['start', 'end', 'deadline'] as const) {
          if (typeof session[key] === 'string') dates.push({ read: () => session[key]!, write: (value) => (session[key] = value) });
        }
        firstNeeded.push(Date.parse(session.start!));
      }
    }
  }
  if (firstNeeded.length === 0) return 0;
  const earliest = Math.min(...firstNeeded);
  let years = 0;
  while (new Date(earliest).setUTCFullYear(new Date(earliest).getUTCFullYear() + years) < now.getTime() + AHEAD_MS) years++;
  if (years > 0) for (const date of dates) date.write(later(date.read(), years));
  return years;
}
