import type { z } from 'zod';
import type {
  AdminMatchAnswer,
  AdminUserAnswer,
  AuditPage,
  AuditQuery,
  ClubAnswer,
  ClubList,
  CompetitionAnswer,
  CompetitionList,
  CreateClubBody,
  CreateCompetitionBody,
  CreateMatchBody,
  CreatePlayerBody,
  CreateRefereeBody,
  CreateSeasonBody,
  CreateUserBody,
  CreateVenueBody,
  CsvImportAnswer,
  FixturesAnswer,
  FixturesBody,
  GroupAnswer,
  MatchStatusBody,
  MeAnswer,
  OperatorsAnswer,
  ParticipantAnswer,
  ParticipantBody,
  PlayerAnswer,
  PlayerList,
  PlayerListQuery,
  PlayoffsBody,
  RefereeAnswer,
  RefereeList,
  RescheduleBody,
  RosterEntryAnswer,
  RosterEntryBody,
  RosterList,
  SeasonAnswer,
  SeasonDetail,
  SeasonList,
  TelegramChannel,
  TelegramChannelAnswer,
  TransferAnswer,
  TransferBody,
  TransferHistory,
  UpdateClubBody,
  UpdateCompetitionBody,
  UpdatePlayerBody,
  UpdateSeasonBody,
  UserList,
  UserListQuery,
  VenueAnswer,
  VenueList,
} from '@touchline/contract';
import { type ApiCall, query, RawBody } from './api.ts';

// Types only: the contract's zod schemas never reach the browser bundle.
type In<T extends z.ZodType> = z.input<T>;
type Out<T extends z.ZodType> = z.output<T>;

export type AdminCompetition = Out<typeof CompetitionAnswer>['competition'];
export type AdminSeason = Out<typeof SeasonAnswer>['season'];
export type AdminSeasonDetail = Out<typeof SeasonDetail>;
export type AdminParticipant = AdminSeasonDetail['participants'][number];
export type AdminClub = Out<typeof ClubAnswer>['club'];
export type AdminPlayer = Out<typeof PlayerAnswer>['player'];
export type AdminRosterEntry = Out<typeof RosterList>['entries'][number];
export type AdminUser = Out<typeof AdminUserAnswer>['user'];
export type AdminVenue = Out<typeof VenueAnswer>['venue'];
export type AdminReferee = Out<typeof RefereeAnswer>['referee'];
export type CreateStaffBody = In<typeof CreateUserBody>;
export type CompetitionBody = In<typeof CreateCompetitionBody>;
export type FixturesRequest = In<typeof FixturesBody>;
export type PlayoffsRequest = In<typeof PlayoffsBody>;
export type TelegramChannelBody = In<typeof TelegramChannel>;
export type AdminTelegramChannel = Out<typeof TelegramChannelAnswer>['channel'];

const id = encodeURIComponent;

/** The league office's calls (`/api/admin/*`, admin only), typed by the contract's admin schemas, over `call`. */
export function createAdminApi(call: ApiCall) {
  const get = <T>(path: string) => call<T>('GET', `/admin${path}`);
  const post = <T>(path: string, body?: unknown) => call<T>('POST', `/admin${path}`, body ?? {});
  const patch = <T>(path: string, body: unknown) => call<T>('PATCH', `/admin${path}`, body);
  const put = <T>(path: string, body: unknown) => call<T>('PUT', `/admin${path}`, body);
  const del = (path: string) => call<void>('DELETE', `/admin${path}`);

  return {
    /** The signed-in account (`/api/auth/me`). */
    me: () => call<Out<typeof MeAnswer>>('GET', '/auth/me'),

    competitions: () => get<Out<typeof CompetitionList>>('/competitions'),
    createCompetition: (body: In<typeof CreateCompetitionBody>) =>
      post<Out<typeof CompetitionAnswer>>('/competitions', body),
    updateCompetition: (cid: string, body: In<typeof UpdateCompetitionBody>) =>
      patch<Out<typeof CompetitionAnswer>>(`/competitions/${id(cid)}`, body),

    seasons: (competitionId?: string) => get<Out<typeof SeasonList>>(`/seasons${query({ competitionId })}`),
    season: (sid: string) => get<AdminSeasonDetail>(`/seasons/${id(sid)}`),
    createSeason: (body: In<typeof CreateSeasonBody>) => post<Out<typeof SeasonAnswer>>('/seasons', body),
    updateSeason: (sid: string, body: In<typeof UpdateSeasonBody>) =>
      patch<Out<typeof SeasonAnswer>>(`/seasons/${id(sid)}`, body),
    deleteSeason: (sid: string) => del(`/seasons/${id(sid)}`),
    setSeasonActive: (sid: string, active: boolean) =>
      post<Out<typeof SeasonAnswer>>(`/seasons/${id(sid)}/${active ? 'activate' : 'deactivate'}`),
    createGroup: (sid: string, label: string) => post<Out<typeof GroupAnswer>>(`/seasons/${id(sid)}/groups`, { label }),
    deleteGroup: (sid: string, gid: string) => del(`/seasons/${id(sid)}/groups/${id(gid)}`),
    putParticipant: (sid: string, clubId: string, body: In<typeof ParticipantBody>) =>
      put<Out<typeof ParticipantAnswer>>(`/seasons/${id(sid)}/participants/${id(clubId)}`, body),
    removeParticipant: (sid: string, clubId: string) => del(`/seasons/${id(sid)}/participants/${id(clubId)}`),
    generateFixtures: (sid: string, body: FixturesRequest) =>
      post<Out<typeof FixturesAnswer>>(`/seasons/${id(sid)}/fixtures`, body),
    createPlayoffs: (sid: string, body: PlayoffsRequest) =>
      post<Out<typeof FixturesAnswer>>(`/seasons/${id(sid)}/playoffs`, body),
    deleteFixtures: (sid: string) => del(`/seasons/${id(sid)}/fixtures`),
    /** The season as one JSON document, or as CSV files in a ZIP (decision 033). */
    exportSeason: (sid: string, format: 'json' | 'zip') =>
      call<Blob>('GET', `/admin/seasons/${id(sid)}/export.${format}`, undefined, 'blob'),

    telegramChannel: () => get<Out<typeof TelegramChannelAnswer>>('/telegram/channel'),
    putTelegramChannel: (body: TelegramChannelBody) =>
      put<Out<typeof TelegramChannelAnswer>>('/telegram/channel', body),
    deleteTelegramChannel: () => del('/telegram/channel'),
    clubs: () => get<Out<typeof ClubList>>('/clubs'),
    createClub: (body: In<typeof CreateClubBody>) => post<Out<typeof ClubAnswer>>('/clubs', body),
    updateClub: (cid: string, body: In<typeof UpdateClubBody>) =>
      patch<Out<typeof ClubAnswer>>(`/clubs/${id(cid)}`, body),

    venues: () => get<Out<typeof VenueList>>('/venues'),
    createVenue: (body: In<typeof CreateVenueBody>) => post<Out<typeof VenueAnswer>>('/venues', body),
    referees: () => get<Out<typeof RefereeList>>('/referees'),
    createReferee: (body: In<typeof CreateRefereeBody>) => post<Out<typeof RefereeAnswer>>('/referees', body),

    players: (q: Partial<Record<keyof In<typeof PlayerListQuery>, string>>) =>
      get<Out<typeof PlayerList>>(`/players${query(q)}`),
    createPlayer: (body: In<typeof CreatePlayerBody>) => post<Out<typeof PlayerAnswer>>('/players', body),
    updatePlayer: (pid: string, body: In<typeof UpdatePlayerBody>) =>
      patch<Out<typeof PlayerAnswer>>(`/players/${id(pid)}`, body),
    deletePlayer: (pid: string) => del(`/players/${id(pid)}`),
    transfer: (pid: string, body: In<typeof TransferBody>) =>
      post<Out<typeof TransferAnswer>>(`/players/${id(pid)}/transfers`, body),
    transfers: (pid: string) => get<Out<typeof TransferHistory>>(`/players/${id(pid)}/transfers`),
    /** All or nothing: a 400 csv_invalid carries `details.rows`, and nothing is imported. */
    importPlayers: (csv: string, seasonId?: string) =>
      call<Out<typeof CsvImportAnswer>>(
        'POST',
        `/admin/players/import${query({ seasonId })}`,
        new RawBody(csv, 'text/csv'),
      ),

    roster: (sid: string, clubId?: string) =>
      get<Out<typeof RosterList>>(`/seasons/${id(sid)}/roster${query({ clubId })}`),
    putRosterEntry: (sid: string, pid: string, body: In<typeof RosterEntryBody>) =>
      put<Out<typeof RosterEntryAnswer>>(`/seasons/${id(sid)}/roster/${id(pid)}`, body),
    removeRosterEntry: (sid: string, pid: string) => del(`/seasons/${id(sid)}/roster/${id(pid)}`),

    users: (q: In<typeof UserListQuery> = {}) => get<Out<typeof UserList>>(`/users${query(q)}`),
    createUser: (body: CreateStaffBody) => post<{ user: AdminUser }>('/users', body),
    resetPassword: (uid: string, password: string) =>
      post<Out<typeof AdminUserAnswer>>(`/users/${id(uid)}/password`, { password }),
    setUserActive: (uid: string, active: boolean) =>
      post<Out<typeof AdminUserAnswer>>(`/users/${id(uid)}/${active ? 'reactivate' : 'deactivate'}`),

    operators: (mid: string) => get<Out<typeof OperatorsAnswer>>(`/matches/${id(mid)}/operators`),
    setOperators: (mid: string, userIds: string[]) =>
      put<Out<typeof OperatorsAnswer>>(`/matches/${id(mid)}/operators`, { userIds }),
    createMatch: (body: In<typeof CreateMatchBody>) => post<Out<typeof AdminMatchAnswer>>('/matches', body),
    reschedule: (mid: string, body: In<typeof RescheduleBody>) =>
      patch<Out<typeof AdminMatchAnswer>>(`/matches/${id(mid)}`, body),
    setMatchStatus: (mid: string, body: In<typeof MatchStatusBody>) =>
      post<Out<typeof AdminMatchAnswer>>(`/matches/${id(mid)}/status`, body),

    audit: (q: Partial<Record<keyof In<typeof AuditQuery>, string>>) => get<Out<typeof AuditPage>>(`/audit${query(q)}`),
  };
}
