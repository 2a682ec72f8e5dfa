import ical, { ICalEventStatus } from 'ical-generator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MatchSummary } from '@touchline/contract';

const MATCH_MINUTES = 105;

/**
 * Text as RFC 5545 TEXT may hold it: a line break is one LF (which the writer escapes), a tab a space, and other
 * control characters are dropped. Names are refused with them on input; rows stored before that still get here.
 */
const plain = (s: string) =>
  s
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[^\P{Cc}\n]/gu, '');
/** RFC 5545 §3.3.11 escaping, for the calendar's name, which ical-generator writes as given. */
const escaped = (s: string) =>
  plain(s)
    .replace(/[\\;,]/g, '\\$&')
    .replace(/\n/g, '\\n');

/** An iCal feed of fixtures; the UID is stable per match, so a moved kick-off updates the same event. */
export function matchesCalendar(name: string, matches: readonly MatchSummary[], host: string): string {
  const cal = ical({ name: escaped(name), prodId: { company: 'Touchline', product: 'fixtures', language: 'EN' } });
  for (const m of matches) {
    const start = new Date(m.kickoffAt);
    const score = m.status === 'finished' ? ` ${m.score.home}:${m.score.away}` : '';
    cal.createEvent({
      id: `match-${m.id}@${host}`,
      start,
      end: new Date(start.getTime() + MATCH_MINUTES * 60_000),
      summary: plain(`${m.homeClub.name} — ${m.awayClub.name}${score}`),
      description: plain([m.competition.name, m.round?.label].filter(Boolean).join(', ')),
      location: m.venue === undefined ? null : plain(m.venue),
      status:
        m.status === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : m.status === 'postponed'
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

/** Sends a feed; calendar clients poll, so five minutes of caching is plenty. */
export function sendCalendar(req: FastifyRequest, reply: FastifyReply, name: string, matches: readonly MatchSummary[]) {
  // The UID is written as given, so only a plain host name goes into it.
  const hostname = req.hostname.split(':')[0] ?? '';
  const host = /^[a-z0-9.-]+$/i.test(hostname) ? hostname : 'touchline';
  return reply
    .type('text/calendar; charset=utf-8')
    .header('Cache-Control', 'public, max-age=300')
    .send(matchesCalendar(name, matches, host));
}
