import { isExpiredError, parse, validate } from '@telegram-apps/init-data-node';
import { ApiError } from '../http/errors.ts';

export const INIT_DATA_MAX_AGE_SECONDS = 24 * 3600;

export interface TelegramIdentity {
  telegramId: string;
  displayName: string;
  username?: string;
}

/** Verifies WebApp initData (HMAC-SHA256 under the bot token, auth_date ≤ 24 h) and returns the user in it. */
export function verifyInitData(initData: string, botToken: string | undefined): TelegramIdentity {
  if (!botToken) throw new ApiError('invalid_init_data', 'Telegram sign-in is not configured');
  try {
    validate(initData, botToken, { expiresIn: INIT_DATA_MAX_AGE_SECONDS });
  } catch (err) {
    if (isExpiredError(err)) throw new ApiError('init_data_expired', 'initData is older than 24 hours');
    throw new ApiError('invalid_init_data', 'initData is not signed by the bot');
  }
  let user;
  try {
    user = parse(initData).user;
  } catch {
    throw new ApiError('invalid_init_data', 'initData could not be read');
  }
  if (!user) throw new ApiError('invalid_init_data', 'initData carries no user');
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username || `tg${user.id}`;
  return { telegramId: String(user.id), displayName: name, ...(user.username ? { username: user.username } : {}) };
}
