import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '@touchline/contract';
import type { PageProps } from './lib/router.tsx';

type Page = LazyExoticComponent<ComponentType<PageProps>>;

export interface Route {
  path: string;
  page: Page;
  /** Who may open it; public when absent. */
  roles?: readonly Role[];
  /** Drawn on its own, without the app's header: a page another program shows (the stream overlay). */
  bare?: boolean;
}

// Every screen is its own chunk, so a fan never downloads the console and an operator never the bracket. Only App
// imports this table: a page that imported it back would close an import cycle (decision 026).
const today = lazy(() => import('./features/public/TodayPage.tsx'));
const match = lazy(() => import('./features/public/MatchPage.tsx'));
const competitions = lazy(() => import('./features/public/CompetitionsPage.tsx'));
const season = lazy(() => import('./features/public/SeasonPage.tsx'));
const bracket = lazy(() => import('./features/public/BracketPage.tsx'));
const club = lazy(() => import('./features/public/ClubPage.tsx'));
const notifications = lazy(() => import('./features/follows/NotificationsPage.tsx'));
const newsItem = lazy(() => import('./features/public/NewsPage.tsx'));
const leaderboard = lazy(() => import('./features/predictions/LeaderboardPage.tsx'));
const myPredictions = lazy(() => import('./features/predictions/MyPredictionsPage.tsx'));
const login = lazy(() => import('./features/auth/LoginPage.tsx'));
const consoleList = lazy(() => import('./features/console/ConsoleListPage.tsx'));
const consoleMatch = lazy(() => import('./features/console/ConsoleMatchPage.tsx'));
const judgeList = lazy(() => import('./features/judge/JudgeListPage.tsx'));
const judgeMatch = lazy(() => import('./features/judge/JudgeMatchPage.tsx'));
const captain = lazy(() => import('./features/captain/CaptainPage.tsx'));
const admin = lazy(() => import('./features/admin/AdminPage.tsx'));
const adminCompetitions = lazy(() => import('./features/admin/CompetitionsPage.tsx'));
const adminSeason = lazy(() => import('./features/admin/SeasonPage.tsx'));
const adminClubs = lazy(() => import('./features/admin/ClubsPage.tsx'));
const adminPlayers = lazy(() => import('./features/admin/PlayersPage.tsx'));
const adminStaff = lazy(() => import('./features/admin/StaffPage.tsx'));
const adminMatches = lazy(() => import('./features/admin/MatchesPage.tsx'));
const adminAudit = lazy(() => import('./features/admin/AuditPage.tsx'));
const adminTelegram = lazy(() => import('./features/admin/TelegramPage.tsx'));
const adminNews = lazy(() => import('./features/admin/NewsPage.tsx'));
const overlay = lazy(() => import('./features/overlay/OverlayPage.tsx'));
const adminWidgets = lazy(() => import('./features/admin/WidgetsPage.tsx'));
const widgets = lazy(() => import('./features/widgets/WidgetsPage.tsx'));

export const routes: Route[] = [
  { path: '/', page: today },
  { path: '/matches/:id', page: match },
  { path: '/competitions', page: competitions },
  { path: '/seasons/:id', page: season },
  { path: '/seasons/:id/bracket', page: bracket },
  { path: '/seasons/:id/predictions', page: leaderboard },
  { path: '/me/predictions', page: myPredictions, roles: ['fan'] },
  { path: '/clubs/:id', page: club },
  { path: '/notifications', page: notifications },
  { path: '/news/:id', page: newsItem },
  { path: '/login', page: login },
  { path: '/console', page: consoleList, roles: ['operator', 'admin'] },
  { path: '/console/:matchId', page: consoleMatch, roles: ['operator', 'admin'] },
  { path: '/judge', page: judgeList, roles: ['judge', 'admin'] },
  { path: '/judge/:matchId', page: judgeMatch, roles: ['judge', 'admin'] },
  { path: '/captain', page: captain, roles: ['captain'] },
  { path: '/captain/:matchId', page: captain, roles: ['captain'] },
  { path: '/admin', page: admin, roles: ['admin'] },
  { path: '/admin/competitions', page: adminCompetitions, roles: ['admin'] },
  { path: '/admin/seasons/:id', page: adminSeason, roles: ['admin'] },
  { path: '/admin/clubs', page: adminClubs, roles: ['admin'] },
  { path: '/admin/players', page: adminPlayers, roles: ['admin'] },
  { path: '/admin/staff', page: adminStaff, roles: ['admin'] },
  { path: '/admin/matches', page: adminMatches, roles: ['admin'] },
  { path: '/admin/audit', page: adminAudit, roles: ['admin'] },
  { path: '/admin/telegram', page: adminTelegram, roles: ['admin'] },
  { path: '/admin/news', page: adminNews, roles: ['admin'] },
  { path: '/overlay/match/:id', page: overlay, bare: true },
  { path: '/admin/widgets', page: adminWidgets, roles: ['admin'] },
  { path: '/widgets', page: widgets },
];
