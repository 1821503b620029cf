/**
 * `why <url>`: what became of an item in this channel — not seen yet, delivered in which
 * digest, filtered by which rule, grouped into which story.
 */
import type { ChannelRef, Reply } from '../model.js';
import { canonicalUrl } from '../extract/feed-identity.js';
import type { Store } from '../store/index.js';
import { formatSlot } from './time-text.js';

const slotText = (slot: string | undefined, tz: string): string => {
  if (!slot) return 'a digest';
  if (slot.startsWith('on-demand:')) return `the on-demand digest of ${formatSlot(slot.slice('on-demand:'.length), tz)}`;
  return `the digest of ${formatSlot(slot, tz)}`;
};

/** Explains one item by URL (tracking parameters ignored) or id. */
export async function explainItem(store: Store, channel: ChannelRef, url: string): Promise<Reply> {
  const raw = url.trim().replace(/^<|>$/g, '');
  const keys = [...new Set([canonicalUrl(raw), raw].filter((k): k is string => !!k))];
  const found = await store.findChannelItems(channel, keys);
  if (found.length === 0) {
    return { kind: 'info', text: `None of this channel's feeds has carried ${raw} since newsbrief started reading them.` };
  }
  const tz = (await store.getSchedule(channel))?.timezone ?? 'UTC';
  const lines: string[] = [];
  for (const { item } of found) {
    const rec = await store.getChannelItem(channel, { feedUrl: item.feedUrl, itemId: item.id });
    const from = `From ${item.feedTitle ?? item.feedUrl}`;
    const story = rec?.storyTitle ? ` It was grouped into the story "${rec.storyTitle}".` : '';
    if (!rec) lines.push(`${from}: not posted yet. It is waiting for the next digest.`);
    else if (rec.status === 'delivered') lines.push(`${from}: delivered in ${slotText(rec.slotTime, tz)}.${story}`);
    else if (rec.status === 'filtered') lines.push(`${from}: filtered out (${rec.reason ?? 'channel rules'}). Change it with \`schedule set … topics: … exclude: …\`.`);
    else if (rec.status === 'ranked-out') lines.push(`${from}: left out of ${slotText(rec.slotTime, tz)}, ${rec.reason ?? 'ranked below the top stories'}.${story}`);
    else lines.push(`${from}: it was already in the feed when the feed was added, so it counted as seen.`);
  }
  return { kind: 'info', heading: found[0]?.item.title ?? raw, text: lines.join('\n'), links: found[0]?.item.url ? [{ title: found[0].item.title, url: found[0].item.url }] : [] };
}
