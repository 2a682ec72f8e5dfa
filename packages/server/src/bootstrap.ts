import type { FastifyInstance } from 'fastify';
import { ensureFirstAdmin } from './auth/first-admin.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';

/** First start chores: the first admin and the demo league. Returns lines to print once. */
export async function bootstrap(app: FastifyInstance): Promise<string[]> {
  const { config, db } = app;
  const admin = await ensureFirstAdmin(db, config.adminLogin, config.adminPassword);
  const lines: string[] = [];
  if (admin.generatedPassword) {
    lines.push(
      `First admin created. Login: ${admin.login}  Password: ${admin.generatedPassword}`,
      'This password is shown once and only its hash is stored; keep it now.',
    );
  } else {
    lines.push(`Admin login: ${admin.login}${admin.created ? ' (password from TOUCHLINE_ADMIN_PASSWORD)' : ''}`);
  }
  if (config.demo) {
    const seeded = await seedDemoIfEmpty(db, { now: new Date(), timeZone: config.timezone, adminLogin: admin.login });
    if (seeded)
      lines.push(`Demo league loaded: ${seeded.clubs} clubs, ${seeded.matches} matches (${seeded.today} today).`);
  }
  return lines;
}
