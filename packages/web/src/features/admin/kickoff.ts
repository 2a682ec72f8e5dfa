import { localToUtc, wallClockOf } from '@touchline/domain';

/** `YYYY-MM-DDTHH:mm`, the value of an `<input type="datetime-local">`. */
const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/**
 * A kick-off typed as a wall-clock time in the league's zone (not the browser's), as a UTC instant; undefined when
 * the input is incomplete or not a real date.
 */
export function localInputToUtc(value: string, timeZone: string): string | undefined {
  const m = LOCAL.exec(value);
  if (!m) return undefined;
  try {
    return localToUtc(m[1]!, m[2]!, timeZone);
  } catch {
    return undefined;
  }
}

/** An instant as the value of a datetime-local input, on the wall clock of `timeZone`. */
export function utcToLocalInput(iso: string, timeZone: string): string {
  const { date, time } = wallClockOf(iso, timeZone);
  return `${date}T${time}`;
}

/** The UTC bounds of one calendar day (YYYY-MM-DD) in `timeZone`, for a match list filtered by date. */
export function dayBounds(day: string, timeZone: string): { from: string; to: string } | undefined {
  const from = localInputToUtc(`${day}T00:00`, timeZone);
  if (!from) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  const to = localInputToUtc(`${next}T00:00`, timeZone)!;
  return { from, to: new Date(Date.parse(to) - 1).toISOString() };
}
