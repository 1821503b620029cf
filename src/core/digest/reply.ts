/**
 * Digest → Reply: one section per story (heading, points, links to every source); broken
 * feeds and missed or failed slots go in `context`, so nothing fails silently.
 */
import type { Digest, Reply, ReplySection } from '../model.js';

export const NOTHING_NEW = 'Nothing new since the last digest.';

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/** Renders a digest as a neutral Reply (kind `digest`). */
export function digestToReply(digest: Digest): Reply {
  const sections: ReplySection[] = digest.stories.map((story) => {
    const section: ReplySection = { heading: story.title };
    if (story.points.length > 0) section.points = story.points;
    const links = story.items
      .filter((i) => i.url)
      .map((i) => ({ title: i.title, url: i.url as string, source: i.feedTitle ?? hostOf(i.url as string) }));
    if (links.length > 0) section.links = links;
    return section;
  });
  const n = digest.stories.length;
  const reply: Reply = { kind: 'digest', heading: n === 0 ? 'News digest' : `News digest: ${n} ${n === 1 ? 'story' : 'stories'}` };
  if (n === 0) reply.text = NOTHING_NEW;
  else reply.sections = sections;
  const context = [
    ...digest.brokenFeeds.map((f) => `Could not read ${f.url}: ${f.error}`),
    ...digest.notes,
  ];
  if (context.length > 0) reply.context = context;
  return reply;
}
