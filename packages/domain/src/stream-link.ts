/** The longest stream link the server stores. */
export const STREAM_URL_MAX_LENGTH = 500;

export type StreamProvider = 'vk' | 'youtube' | 'rutube' | 'twitch';

/** The hosts a stream link may name, by provider (docs/rules.md §8, decision 042). */
export const STREAM_HOSTS: Readonly<Record<StreamProvider, readonly string[]>> = {
  vk: ['vkvideo.ru', 'vk.com', 'vk.ru'],
  youtube: ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be'],
  rutube: ['rutube.ru'],
  twitch: ['twitch.tv', 'www.twitch.tv'],
};

/** The origins an embedded player is loaded from: the page's `frame-src`, and nothing else. */
export const STREAM_EMBED_ORIGINS = [
  'https://www.youtube-nocookie.com',
  'https://rutube.ru',
  'https://vkvideo.ru',
  'https://player.twitch.tv',
] as const;

export interface StreamLink {
  /** The link as stored: the parsed URL, normalised. */
  url: string;
  provider: StreamProvider;
  /** The player to embed, when the link names one video or channel and the host allows embedding. */
  embedUrl?: string;
}

const providerOf = (host: string) =>
  (Object.keys(STREAM_HOSTS) as StreamProvider[]).find((p) => STREAM_HOSTS[p].includes(host));

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const RUTUBE_ID = /^[0-9a-f]{32}$/;
const VK_VIDEO = /^video(-?\d+)_(\d+)$/;
const TWITCH_CHANNEL = /^[A-Za-z0-9_]{3,25}$/;

function youtubeEmbed(url: URL): string | undefined {
  const [first, second] = url.pathname.split('/').filter(Boolean);
  const id =
    url.hostname === 'youtu.be'
      ? first
      : first === 'watch'
        ? url.searchParams.get('v')
        : first && ['live', 'embed', 'shorts'].includes(first)
          ? second
          : undefined;
  return id && YOUTUBE_ID.test(id) ? `https://www.youtube-nocookie.com/embed/${id}` : undefined;
}

function rutubeEmbed(url: URL): string | undefined {
  const parts = url.pathname.split('/').filter(Boolean);
  const id = parts[0] === 'live' ? parts[2] : parts[0] === 'video' || parts[0] === 'play' ? parts.at(-1) : undefined;
  return id && RUTUBE_ID.test(id) ? `https://rutube.ru/play/embed/${id}` : undefined;
}

function vkEmbed(url: URL): string | undefined {
  if (url.pathname === '/video_ext.php') {
    const oid = url.searchParams.get('oid');
    const id = url.searchParams.get('id');
    // VK's own embed code carries a hash that unlisted videos need; it is kept when it looks like one.
    const hash = url.searchParams.get('hash');
    const keep = hash && /^[0-9a-f]{1,64}$/.test(hash) ? `&hash=${hash}` : '';
    return oid && id && /^-?\d+$/.test(oid) && /^\d+$/.test(id)
      ? `https://vkvideo.ru/video_ext.php?oid=${oid}&id=${id}${keep}`
      : undefined;
  }
  // vk.com/video-1_2, vkvideo.ru/video-1_2, or a video opened over a page: vk.com/club1?z=video-1_2
  const name = url.searchParams.get('z')?.split('/')[0] ?? url.pathname.split('/').filter(Boolean).at(-1);
  const m = name ? VK_VIDEO.exec(name) : null;
  return m ? `https://vkvideo.ru/video_ext.php?oid=${m[1]}&id=${m[2]}` : undefined;
}

function twitchEmbed(url: URL, pageHost: string | undefined): string | undefined {
  // Twitch plays only inside the pages it is told of: without the page's host there is nothing to embed.
  if (!pageHost) return undefined;
  const [first, second] = url.pathname.split('/').filter(Boolean);
  const parent = `parent=${encodeURIComponent(pageHost)}`;
  if (first === 'videos' && second && /^\d+$/.test(second))
    return `https://player.twitch.tv/?video=${second}&${parent}`;
  return first && !second && TWITCH_CHANNEL.test(first)
    ? `https://player.twitch.tv/?channel=${first.toLowerCase()}&${parent}`
    : undefined;
}

/**
 * A match's video link, if it may be stored: https, on an allow-listed host, no credentials or port, at most
 * STREAM_URL_MAX_LENGTH characters; undefined otherwise. With the page's host it also derives the player to embed,
 * where the host allows embedding (decision 042).
 */
export function streamLink(raw: string, pageHost?: string): StreamLink | undefined {
  if (raw.length > STREAM_URL_MAX_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return undefined;
  const provider = providerOf(url.hostname);
  if (!provider || url.href.length > STREAM_URL_MAX_LENGTH) return undefined;
  const embedUrl =
    provider === 'youtube'
      ? youtubeEmbed(url)
      : provider === 'rutube'
        ? rutubeEmbed(url)
        : provider === 'vk'
          ? vkEmbed(url)
          : twitchEmbed(url, pageHost);
  return { url: url.href, provider, ...(embedUrl ? { embedUrl } : {}) };
}
