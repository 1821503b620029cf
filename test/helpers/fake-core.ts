/**
 * A CoreApi for adapter tests that behaves like the real core where adapters can tell:
 * it fetches URLs (from local page servers), keeps briefings per workspace and channel, refuses
 * follow-ups from elsewhere, checks canManage, and returns error Replies instead of throwing.
 * It records every input so tests can assert what reached the core.
 */
import type { CommandInput, FollowupVerb, Reply, ReplyAction } from '../../src/core/model.js';
import type { CoreApi } from '../../src/core/platform.js';

export interface FakeCore extends CoreApi {
  /** Every input handle() received, in order. */
  inputs: CommandInput[];
}

interface StoredBriefing {
  id: string;
  workspace: string;
  channel: string;
  title: string;
  points: string[];
  url?: string;
}

const LABELS: Record<FollowupVerb, string> = {
  more: 'More', ask: 'Ask', quotes: 'Quotes', who: "Who's who", next: "What's next", source: 'Source',
};
const VERBS = Object.keys(LABELS) as FollowupVerb[];
const MANAGE = /^(feeds\s+(add|remove)|schedule\s+(set|off)|settings)\b/;

const error = (text: string): Reply => ({ kind: 'error', ephemeral: true, text });

/** A fresh fake core with its own briefing memory. */
export function createFakeCore(): FakeCore {
  const briefings = new Map<string, StoredBriefing>();
  let counter = 0;
  const inputs: CommandInput[] = [];

  const briefingReply = (b: StoredBriefing, siteName: string): Reply => ({
    kind: 'briefing',
    heading: b.title,
    points: b.points,
    context: [siteName, `${Math.max(1, Math.round(b.points.join(' ').split(' ').length / 200))} min read`],
    actions: VERBS.map((verb): ReplyAction => ({ label: LABELS[verb], verb, briefingId: b.id })),
    briefingId: b.id,
  });

  const store = (input: CommandInput, title: string, points: string[], url?: string): StoredBriefing => {
    const b = { id: `brf_${++counter}`, workspace: input.channel.workspace, channel: input.channel.channel, title, points, ...(url ? { url } : {}) };
    briefings.set(b.id, b);
    return b;
  };

  const followup = (input: CommandInput, verb: FollowupVerb, briefingId: string | undefined, arg?: string): Reply => {
    const b = briefingId
      ? briefings.get(briefingId)
      : [...briefings.values()].reverse().find((x) => x.workspace === input.channel.workspace && x.channel === input.channel.channel);
    if (!b) return error('That briefing has expired; run /brief with the link again.');
    if (b.workspace !== input.channel.workspace || b.channel !== input.channel.channel) {
      return error('That briefing belongs to another channel; run /brief with the link here.');
    }
    if (verb === 'ask' && !arg) return error('Add a question, e.g. /brief ask who voted against?');
    return { kind: 'followup', heading: `${LABELS[verb]}: ${b.title}`, text: verb === 'ask' ? `You asked: ${arg}` : b.points.join('\n\n'), briefingId: b.id };
  };

  async function handle(input: CommandInput): Promise<Reply> {
    inputs.push(input);
    if (input.followup) return followup(input, input.followup.verb, input.followup.briefingId, input.followup.arg);
    const text = input.text.trim();
    if (text === '') {
      return { kind: 'digest', heading: 'Digest', sections: [{ heading: 'No feeds yet', text: 'Add one with /brief feeds add <url>.' }] };
    }
    if (text === 'help') return { kind: 'info', heading: 'newsbrief', text: 'Usage: /brief <url> | <text> | ask <question> | feeds … | schedule …' };
    const [word, ...rest] = text.split(/\s+/);
    if (VERBS.includes(word as FollowupVerb)) return followup(input, word as FollowupVerb, undefined, rest.join(' '));
    if (MANAGE.test(text) && !input.canManage) return error('Only workspace admins can change feeds and schedules; ask one of them.');
    if (/^(feeds|schedule|settings|why)\b/.test(text)) return { kind: 'info', text: `OK: ${text}` };
    if (/^https?:\/\/\S+$/.test(text)) return briefUrl(input, text);
    const sentences = text.split(/(?<=[.!?])\s+/).filter(Boolean);
    return briefingReply(store(input, sentences[0]!.slice(0, 80), sentences.slice(0, 5)), 'Pasted text');
  }

  async function briefUrl(input: CommandInput, url: string): Promise<Reply> {
    let html: string;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
      if (!res.ok) return error(`Couldn't load that page (HTTP ${res.status}); check the link and try again.`);
      html = await res.text();
    } catch {
      return error("Couldn't reach that site; check the link and try again.");
    }
    const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? url;
    const site = /property="og:site_name" content="([^"]*)"/.exec(html)?.[1] ?? new URL(url).host;
    const points = [...html.matchAll(/<p>([^<]+)<\/p>/g)].map((m) => m[1]!.trim()).slice(0, 4);
    if (points.length === 0) return error('I found no article text on that page; try another link or paste the text.');
    return briefingReply(store(input, title, points, url), site);
  }

  return { inputs, handle };
}
