/** A calendar date `days` after `date`, both YYYY-MM-DD. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar date as YYYY-MM-DD, or a RangeError. */
function checkDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || addDays(date, 0) !== date) throw new RangeError(`not a date: ${date}`);
  return date;
}

/** Building an Intl formatter costs far more than using one (the live card asks several per write): one per shape. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `timeZone` in parts: to the second, or to the minute. */
function wallFormatter(timeZone: string, seconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${seconds}`;
  let f = formatters.get(key);
  if (!f) {
    const digits = seconds ? 'numeric' : '2-digit';
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: digits,
      day: digits,
      hour: digits,
      minute: digits,
      ...(seconds ? { second: 'numeric' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** How far ahead of UTC the wall clock of `timeZone` is at instant `t`, in ms. */
function offsetAt(t: number, timeZone: string): number {
  const parts = wallFormatter(timeZone, true).formatToParts(t);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(t / 1000) * 1000;
}

/**
 * The UTC instant (ISO) of a wall-clock date and time in `timeZone`. A time skipped by a DST change moves forward by
 * the gap (02:30 → 03:30); a time that happens twice takes the earlier one.
 */
export function localToUtc(date: string, time: string, timeZone: string): string {
  const [y, m, d] = checkDate(date).split('-').map(Number) as [number, number, number];
  const t = TIME.exec(time);
  if (!t) throw new RangeError(`not a time (HH:mm): ${time}`);
  const asUtc = Date.UTC(y, m - 1, d, Number(t[1]), Number(t[2]));
  const day = 86_400_000;
  // Offsets either side of any DST change near this time; a wall time is valid under an offset that maps back to it.
  const offsets = [offsetAt(asUtc - day, timeZone), offsetAt(asUtc + day, timeZone)];
  const valid = offsets.map((o) => asUtc - o).filter((u) => u + offsetAt(u, timeZone) === asUtc);
  const instant = valid.length > 0 ? Math.min(...valid) : asUtc - offsets[0]!;
  return new Date(instant).toISOString();
}

/**
 * Kick-off instants (ISO, UTC) for `rounds` rounds: the first `weekday` (0 = Sunday) on or after `firstDate`, then
 * every `intervalDays`, always at the same local `time` in `timeZone`, summer or winter.
 */
export function scheduleRounds(opts: {
  firstDate: string;
  weekday: number;
  time: string;
  timeZone: string;
  rounds: number;
  intervalDays?: number;
}): string[] {
  const { firstDate, weekday, time, timeZone, rounds, intervalDays = 7 } = opts;
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) throw new RangeError('weekday must be 0–6');
  if (!Number.isInteger(intervalDays) || intervalDays < 1) throw new RangeError('intervalDays must be at least 1');
  const firstWeekday = new Date(`${checkDate(firstDate)}T00:00:00Z`).getUTCDay();
  const start = addDays(firstDate, (weekday - firstWeekday + 7) % 7);
  return Array.from({ length: Math.max(0, rounds) }, (_, i) =>
    localToUtc(addDays(start, i * intervalDays), time, timeZone),
  );
}

/** The wall clock of instant `iso` in `timeZone`: a date (YYYY-MM-DD) and a time (HH:mm). */
export function wallClockOf(iso: string | Date, timeZone: string): { date: string; time: string } {
  const parts = wallFormatter(timeZone, false).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** The same local time in `timeZone`, `days` later: a fixture a week after another keeps its kick-off across DST. */
export function sameLocalTimeLater(iso: string, days: number, timeZone: string): string {
  const { date, time } = wallClockOf(iso, timeZone);
  return localToUtc(addDays(date, days), time, timeZone);
}
