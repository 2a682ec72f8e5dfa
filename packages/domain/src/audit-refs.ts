/** What an id in an audit entry names; the server resolves these to names and the audit log shows them. */
export type AuditRefKind =
  'player' | 'club' | 'user' | 'match' | 'venue' | 'referee' | 'season' | 'competition' | 'group';

/** Fields of audited values that hold an id, by field name. */
export const AUDIT_REF_FIELDS: Readonly<Record<string, AuditRefKind>> = {
  playerId: 'player',
  relatedPlayerId: 'player',
  personId: 'player',
  clubId: 'club',
  homeClubId: 'club',
  awayClubId: 'club',
  toClubId: 'club',
  winnerClubId: 'club',
  createdBy: 'user',
  userId: 'user',
  matchId: 'match',
  venueId: 'venue',
  refereeId: 'referee',
  seasonId: 'season',
  competitionId: 'competition',
  groupId: 'group',
};

/** What each part of an entry's `entityId` names (`roster` ids are `seasonId:personId`). */
const ENTITY_ID_PARTS: Readonly<Record<string, readonly (AuditRefKind | null)[]>> = {
  player: ['player'],
  club: ['club'],
  user: ['user'],
  match: ['match'],
  venue: ['venue'],
  referee: ['referee'],
  season: ['season'],
  competition: ['competition'],
  group: ['group'],
  roster: ['season', 'player'],
  participant: ['season', 'club'],
  lineup: ['match', null],
  stats: ['match', null],
};

export const auditRefKey = (kind: AuditRefKind, id: string | number) => `${kind}:${id}`;

const isId = (v: unknown): v is string | number =>
  (typeof v === 'string' && /^[1-9][0-9]{0,9}$/.test(v)) || (typeof v === 'number' && Number.isSafeInteger(v) && v > 0);

const MAX_DEPTH = 4;

function collect(v: unknown, out: Set<string>, depth: number) {
  if (!v || typeof v !== 'object' || depth > MAX_DEPTH) return;
  if (Array.isArray(v)) {
    for (const item of v) collect(item, out, depth + 1);
    return;
  }
  for (const [key, child] of Object.entries(v)) {
    const kind = AUDIT_REF_FIELDS[key];
    if (kind && isId(child)) out.add(auditRefKey(kind, child));
    else collect(child, out, depth + 1);
  }
}

/** Every `kind:id` an audit entry refers to: its subject, its match and the ids in its values. */
export function auditRefs(entry: {
  entity: string;
  entityId: string | null;
  matchId: string | null;
  before: unknown;
  after: unknown;
}): string[] {
  const out = new Set<string>();
  const parts = entry.entityId?.split(':') ?? [];
  ENTITY_ID_PARTS[entry.entity]?.forEach((kind, i) => {
    if (kind && isId(parts[i])) out.add(auditRefKey(kind, parts[i]!));
  });
  if (entry.matchId) out.add(auditRefKey('match', entry.matchId));
  collect(entry.before, out, 0);
  collect(entry.after, out, 0);
  return [...out];
}
