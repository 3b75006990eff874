/** Wall-clock time in Europe/Amsterdam, where every session takes place, without a time-zone library. */
export const TIME_ZONE = 'Europe/Amsterdam';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function wallClock(date: Date): WallClock {
  const part = Object.fromEntries(parts.formatToParts(date).map(({ type, value }) => [type, Number(value)]));
  return { year: part.year!, month: part.month!, day: part.day!, hour: part.hour!, minute: part.minute!, second: part.second! };
}

/**
 * The moment at which the clocks in Amsterdam show this time. Amsterdam is UTC+1 or UTC+2, so one
 * of those two offsets matches; in the hour skipped in March the later offset's moment is taken.
 */
export function fromWallClock(time: Omit<WallClock, 'second'> & { second?: number }): Date {
  const asUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second ?? 0);
  for (const hours of [1, 2]) {
    const candidate = new Date(asUtc - hours * 3_600_000);
    const shown = wallClock(candidate);
    if (shown.hour === time.hour && shown.minute === time.minute && shown.day === time.day) return candidate;
  }
  return new Date(asUtc - 3_600_000);
}

/** The calendar day `days` before the Amsterdam date of `date`, at `hh:mm` Amsterdam time. */
export function daysBeforeAt(date: Date, days: number, hhmm: string): Date {
  const local = wallClock(date);
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day - days));
  const [hour, minute] = hhmm.split(':').map(Number);
  return fromWallClock({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: hour!, minute: minute! });
}
