/**
 * `feeds add|list|remove`: a channel's subscriptions. `feeds add` checks the feed at once and
 * says what it found; the feed's existing items count as seen (no flood) unless the user asks
 * for the latest N (`feeds add <url> latest:5`).
 */
import type { ChannelRef, Reply } from '../model.js';
import { NewsbriefError } from '../errors.js';
import type { Store } from '../store/index.js';
import type { FeedPoller } from './poll.js';
import { formatAgo } from './time-text.js';

export interface FeedsCommandOptions {
  poller: FeedPoller;
  now?: () => Date;
}

/** Most items `latest:N` may ask for. */
const MAX_LATEST = 50;

/** A feed URL as we store it: absolute http(s), normalised by URL. @throws BAD_INPUT */
export function normaliseFeedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/^<|>$/g, ''));
  } catch {
    throw new NewsbriefError('BAD_INPUT', `"${raw}" is not a URL. Use: feeds add https://example.com/feed.xml [latest:5] [weight:2]`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new NewsbriefError('BAD_INPUT', `Only http and https feeds are supported, not ${url.protocol}`);
  // Feed lists are shown to everyone in the channel: a password in a link would be too.
  if (url.username || url.password) {
    throw new NewsbriefError('BAD_INPUT', 'Feed links with a user name or password are not supported: everyone in the channel would see them.');
  }
  url.hash = '';
  return url.toString();
}

interface AddArgs {
  url: string;
  latest: number;
  weight: number;
}

function parseAddArgs(text: string): AddArgs {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const urlWord = words.find((w) => !/^(latest|weight):/i.test(w));
  if (!urlWord) throw new NewsbriefError('BAD_INPUT', 'Which feed? Use: feeds add https://example.com/feed.xml [latest:5] [weight:2]');
  const args: AddArgs = { url: normaliseFeedUrl(urlWord), latest: 0, weight: 1 };
  for (const w of words) {
    const m = /^(latest|weight):(.+)$/i.exec(w);
    if (!m) continue;
    const n = Number(m[2]);
    if ((m[1] as string).toLowerCase() === 'latest') {
      if (!Number.isInteger(n) || n < 0 || n > MAX_LATEST) throw new NewsbriefError('BAD_INPUT', `latest: takes a whole number from 0 to ${MAX_LATEST}, e.g. latest:5`);
      args.latest = n;
    } else {
      if (!Number.isFinite(n) || n <= 0 || n > 10) throw new NewsbriefError('BAD_INPUT', 'weight: takes a number above 0 and at most 10, e.g. weight:2');
      args.weight = n;
    }
  }
  return args;
}

/**
 * `feeds add <url> [latest:N] [weight:W]`.
 * @throws NewsbriefError `FEED_INVALID` (not a feed), `FETCH_FAILED` (unreachable), `BAD_INPUT`
 */
export async function feedsAdd(store: Store, channel: ChannelRef, text: string, options: FeedsCommandOptions): Promise<Reply> {
  const now = (options.now ?? (() => new Date()))();
  const args = parseAddArgs(text);
  const { latest, weight } = args;
  let url = args.url;
  let result = await options.poller.pollNow(url);
  let via = '';
  // A web page that advertises a feed: follow the feed (the page itself was never subscribed).
  const advertised = result.discovered?.[0];
  if (result.status === 'failed' && advertised) {
    via = `Found the feed ${advertised} advertised by ${url}: `;
    url = normaliseFeedUrl(advertised);
    result = await options.poller.pollNow(url);
  }
  if (result.status === 'failed') {
    if (result.errorCode === 'FEED_INVALID') throw new NewsbriefError('FEED_INVALID', result.error ?? `${url} is not a feed.`);
    throw new NewsbriefError('FETCH_FAILED', `Could not reach ${url} (${result.error ?? 'unknown error'}). Check the address, or try again later.`);
  }
  const stored = await store.listFeedItems(url);
  const title = result.title ?? (await store.getFeedState(url))?.title;
  const name = title ?? url;
  const subscription = { channel, feedUrl: url, ...(title ? { title } : {}), weight, createdAt: now.toISOString() };
  if ((await store.listSubscriptions(channel)).some((s) => s.feedUrl === url)) {
    await store.addSubscription(subscription);
    return { kind: 'info', text: `This channel already follows ${name}${weight !== 1 ? `; weight set to ${weight}` : ''}.` };
  }

  // Existing items count as seen, except the latest N the user asked for. Marked before
  // subscribing, so a digest running meanwhile never sees the backlog as new.
  const byDate = [...stored].sort((a, b) => Date.parse(b.item.publishedAt ?? b.firstSeenAt) - Date.parse(a.item.publishedAt ?? a.firstSeenAt));
  const seen = byDate.slice(latest);
  await store.markItems(channel, seen.map((s) => ({ ref: { feedUrl: url, itemId: s.item.id }, status: 'seen' as const, reason: 'already in the feed when it was added' })), now);
  await store.addSubscription(subscription);

  const newest = byDate.find((s) => s.item.publishedAt)?.item.publishedAt;
  const found = `${stored.length} ${stored.length === 1 ? 'item' : 'items'}${newest ? `, latest ${formatAgo(new Date(newest), now)}` : ''}`;
  const next = latest > 0 ? `The latest ${Math.min(latest, stored.length)} will be in the next digest.` : 'Its current items count as seen; new ones will be in the next digest.';
  return { kind: 'info', heading: `Added ${name}`, text: `${via}${found}. ${next}`, links: [{ title: name, url }] };
}

/** `feeds list`: the channel's feeds with weight and health. */
export async function feedsList(store: Store, channel: ChannelRef, options: { now?: () => Date } = {}): Promise<Reply> {
  const now = (options.now ?? (() => new Date()))();
  const subs = await store.listSubscriptions(channel);
  if (subs.length === 0) return { kind: 'info', text: 'This channel follows no feeds. Add one with `feeds add <url>`.' };
  const fields = await Promise.all(
    subs.map(async (s) => {
      const state = await store.getFeedState(s.feedUrl);
      const health =
        state && state.failures > 0
          ? `failing (${state.lastError ?? 'error'}), ${state.failures} ${state.failures === 1 ? 'try' : 'tries'}`
          : state?.lastSuccess
            ? `ok, checked ${formatAgo(new Date(state.lastSuccess), now)}`
            : 'not checked yet';
      return { label: s.title ?? s.feedUrl, value: `${s.feedUrl}\nweight ${s.weight} · ${health}` };
    }),
  );
  return { kind: 'info', heading: `Feeds in this channel (${subs.length})`, fields };
}

/** `feeds remove <url>`. @throws NewsbriefError `NOT_FOUND` when the channel does not follow it */
export async function feedsRemove(store: Store, channel: ChannelRef, text: string): Promise<Reply> {
  const url = normaliseFeedUrl(text.trim().split(/\s+/)[0] ?? '');
  if (!(await store.removeSubscription(channel, url))) {
    throw new NewsbriefError('NOT_FOUND', `This channel does not follow ${url}. See \`feeds list\`.`);
  }
  return { kind: 'info', text: `Removed ${url}. Its stories will no longer appear in this channel's digests.` };
}
