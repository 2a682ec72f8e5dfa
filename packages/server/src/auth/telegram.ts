import { isExpiredError, parse, validate } from '@telegram-apps/init-data-node';
import { ApiError } from '../http/errors.ts';

/** How far ahead of our clock a signed auth_date may be: Telegram's clock and ours differ a little. */
export const CLOCK_SKEW_SECONDS = 60;

export interface TelegramIdentity {
  telegramId: string;
  displayName: string;
  username?: string;
  /** Whether the fan let the bot write to them (`allows_write_to_pm`): their recipient's `can_write` (decision 035). */
  allowsWrite: boolean;
  locale: 'ru' | 'en';
}

/**
 * Verifies WebApp initData (HMAC-SHA256 under the bot token, auth_date at most `maxAgeSeconds` old and not in the
 * future) and returns the user in it.
 */
export function verifyInitData(
  initData: string,
  botToken: string | undefined,
  maxAgeSeconds: number,
): TelegramIdentity {
  if (!botToken) throw new ApiError('invalid_init_data', 'Telegram sign-in is not configured');
  try {
    validate(initData, botToken, { expiresIn: maxAgeSeconds });
  } catch (err) {
    if (isExpiredError(err)) throw new ApiError('init_data_expired', 'initData is too old; open the app again');
    throw new ApiError('invalid_init_data', 'initData is not signed by the bot');
  }
  let data;
  try {
    data = parse(initData);
  } catch {
    throw new ApiError('invalid_init_data', 'initData could not be read');
  }
  if (data.auth_date.getTime() > Date.now() + CLOCK_SKEW_SECONDS * 1000) {
    throw new ApiError('invalid_init_data', 'initData is dated in the future');
  }
  const { user } = data;
  if (!user) throw new ApiError('invalid_init_data', 'initData carries no user');
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username || `tg${user.id}`;
  return {
    telegramId: String(user.id),
    displayName: name,
    ...(user.username ? { username: user.username } : {}),
    allowsWrite: user.allows_write_to_pm === true,
    locale: user.language_code === 'ru' || !user.language_code ? 'ru' : 'en',
  };
}
