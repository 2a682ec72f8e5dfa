import ical, { ICalEventStatus } from 'ical-generator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MatchSummary } from '@touchline/contract';

const MATCH_MINUTES = 105;

/** An iCal feed of fixtures; the UID is stable per match, so a moved kick-off updates the same event. */
export function matchesCalendar(name: string, matches: readonly MatchSummary[], host: string): string {
  const cal = ical({ name, prodId: { company: 'Touchline', product: 'fixtures', language: 'EN' } });
  for (const m of matches) {
    const start = new Date(m.kickoffAt);
    const score = m.status === 'finished' ? ` ${m.score.home}:${m.score.away}` : '';
    cal.createEvent({
      id: `match-${m.id}@${host}`,
      start,
      end: new Date(start.getTime() + MATCH_MINUTES * 60_000),
      summary: `${m.homeClub.name} — ${m.awayClub.name}${score}`,
      description: [m.competition.name, m.round?.label].filter(Boolean).join(', '),
      location: m.venue ?? null,
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
  const host = req.hostname.split(':')[0] || 'touchline';
  return reply
    .type('text/calendar; charset=utf-8')
    .header('Cache-Control', 'public, max-age=300')
    .send(matchesCalendar(name, matches, host));
}
