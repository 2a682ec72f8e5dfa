import { describe, expect, it } from 'vitest';
import { STREAM_URL_MAX_LENGTH, streamLink } from '../src/stream-link.ts';

const YT = 'dQw4w9WgXcQ';
const RT = '0123456789abcdef0123456789abcdef';

describe('streamLink: what may be stored', () => {
  it.each([
    ['http, not https', `http://www.youtube.com/watch?v=${YT}`],
    ['a script', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['an unlisted host', 'https://example.com/video'],
    ['a look-alike host', 'https://youtube.com.evil.example/watch'],
    ['a subdomain not listed', 'https://music.youtube.com/watch'],
    ['a host ending like a listed one', 'https://notrutube.ru/video/x'],
    ['credentials', `https://user:pw@www.youtube.com/watch?v=${YT}`],
    ['a user alone', 'https://user@rutube.ru/video/x'],
    ['a port', 'https://rutube.ru:8443/video/x'],
    ['not a URL', 'rutube.ru/video/x'],
    ['empty', ''],
    ['too long', `https://rutube.ru/${'x'.repeat(STREAM_URL_MAX_LENGTH)}`],
  ])('refuses %s', (_, raw) => {
    expect(streamLink(raw)).toBeUndefined();
  });

  it.each([
    ['https://vkvideo.ru/video-1_2', 'vk'],
    ['https://vk.com/video-1_2', 'vk'],
    ['https://vk.ru/video-1_2', 'vk'],
    [`https://youtube.com/watch?v=${YT}`, 'youtube'],
    [`https://m.youtube.com/watch?v=${YT}`, 'youtube'],
    [`https://youtu.be/${YT}`, 'youtube'],
    ['https://RUTUBE.ru/channel/1/', 'rutube'],
    ['https://twitch.tv/league', 'twitch'],
    ['https://www.twitch.tv/league', 'twitch'],
  ])('takes %s (%s)', (raw, provider) => {
    expect(streamLink(raw)?.provider).toBe(provider);
  });

  it('stores the link normalised, and takes one exactly at the limit', () => {
    expect(streamLink('https://RUTUBE.ru/channel/1/')?.url).toBe('https://rutube.ru/channel/1/');
    const longest = `https://rutube.ru/${'x'.repeat(STREAM_URL_MAX_LENGTH - 'https://rutube.ru/'.length)}`;
    expect(longest).toHaveLength(STREAM_URL_MAX_LENGTH);
    expect(streamLink(longest)?.url).toBe(longest);
  });
});

describe('streamLink: the player to embed', () => {
  it.each([
    [`https://www.youtube.com/watch?v=${YT}&t=10`, `https://www.youtube-nocookie.com/embed/${YT}`],
    [`https://youtu.be/${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`],
    [`https://www.youtube.com/live/${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`],
    [`https://youtube.com/shorts/${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`],
    ['https://www.youtube.com/@league', undefined],
    ['https://www.youtube.com/watch?v=short', undefined],
    [`https://rutube.ru/video/${RT}/`, `https://rutube.ru/play/embed/${RT}`],
    [`https://rutube.ru/live/video/${RT}/`, `https://rutube.ru/play/embed/${RT}`],
    ['https://rutube.ru/channel/123/', undefined],
    ['https://vkvideo.ru/video-12345_678', 'https://vkvideo.ru/video_ext.php?oid=-12345&id=678'],
    ['https://vk.com/video12_34', 'https://vkvideo.ru/video_ext.php?oid=12&id=34'],
    ['https://vk.com/club1?z=video-5_6%2Fpl_1', 'https://vkvideo.ru/video_ext.php?oid=-5&id=6'],
    ['https://vk.com/video_ext.php?oid=-5&id=6&hash=ab12', 'https://vkvideo.ru/video_ext.php?oid=-5&id=6&hash=ab12'],
    ['https://vk.com/video_ext.php?oid=-5&id=6&hash="><x', 'https://vkvideo.ru/video_ext.php?oid=-5&id=6'],
    ['https://vkvideo.ru/video_ext.php?oid=x&id=6', undefined],
    ['https://vk.com/league', undefined],
    ['https://www.twitch.tv/League_TV', 'https://player.twitch.tv/?channel=league_tv&parent=touchline.example'],
    ['https://twitch.tv/videos/123456', 'https://player.twitch.tv/?video=123456&parent=touchline.example'],
    ['https://twitch.tv/league/clip/x', undefined],
  ])('%s → %s', (raw, embed) => {
    expect(streamLink(raw, 'touchline.example')?.embedUrl).toBe(embed);
  });

  it('embeds Twitch only when told the page host', () => {
    expect(streamLink('https://twitch.tv/league')?.embedUrl).toBeUndefined();
  });
});
