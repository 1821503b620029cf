/**
 * A CoreApi for Discord tests that behaves like the real core where the adapter can tell:
 * it fetches links (so a slow page is slow), keeps briefings per channel and refuses a
 * follow-up from another channel, refuses managing commands without `canManage`, and answers
 * errors as ephemeral Replies. Every input is recorded.
 */
import type { CommandInput, FollowupVerb, Reply } from '../../src/core/model.js';
import type { CoreApi } from '../../src/core/platform.js';

const VERBS: { verb: FollowupVerb; label: string }[] = [
  { verb: 'more', label: 'More' }, { verb: 'ask', label: 'Ask' }, { verb: 'quotes', label: 'Quotes' },
  { verb: 'who', label: 'Who’s who' }, { verb: 'next', label: 'What’s next' }, { verb: 'source', label: 'Source' },
];
const MANAGE = /^(feeds (add|remove)|schedule (set|off)|settings)\b/;

export interface DiscordFakeCore extends CoreApi {
  inputs: CommandInput[];
}

const error = (text: string): Reply => ({ kind: 'error', ephemeral: true, text });

/** A digest too big for one Discord message: 12 stories, 60 links. */
function manyLinks(): Reply {
  const links = Array.from({ length: 60 }, (_, i) => ({ title: `Story ${i} ${'about the river park budget '.repeat(3)}`, url: `https://news.example.org/story-${i}-${'x'.repeat(60)}` }));
  return { kind: 'digest', heading: 'Big digest', sections: Array.from({ length: 12 }, (_, s) => ({ heading: `Group ${s}`, links: links.slice(s * 5, s * 5 + 5) })) };
}

/** Create the fake core. `handle('boom')` throws, like a bug would; `many links` returns a huge digest. */
export function createDiscordFakeCore(): DiscordFakeCore {
  const inputs: CommandInput[] = [];
  const briefings = new Map<string, { workspace: string; channel: string; title: string; text: string }>();
  const latest = new Map<string, string>();
  let n = 0;

  async function brief(input: CommandInput, url: string | undefined, text: string): Promise<Reply> {
    let title = 'Pasted text';
    let body = text;
    if (url) {
      const res = await fetch(url).catch(() => undefined);
      if (!res?.ok) return error(`Could not fetch ${url}; check the link and try again.`);
      const html = await res.text();
      title = html.match(/<title>([^<]*)<\/title>/)?.[1] ?? url;
      body = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    }
    const id = `b${++n}`;
    briefings.set(id, { workspace: input.channel.workspace, channel: input.channel.channel, title, text: body });
    latest.set(`${input.channel.workspace}/${input.channel.channel}`, id);
    return {
      kind: 'briefing', heading: title, briefingId: id,
      points: body.split(/(?<=\.)\s+/).slice(0, 3),
      context: [url ? new URL(url).host : 'pasted text', '1 min read'],
      actions: VERBS.map(({ verb, label }) => ({ verb, label, briefingId: id })),
    };
  }

  function followup(input: CommandInput, verb: FollowupVerb, briefingId: string | undefined, arg?: string): Reply {
    const id = briefingId ?? latest.get(`${input.channel.workspace}/${input.channel.channel}`);
    const b = id ? briefings.get(id) : undefined;
    if (!id || !b) return error('There is no briefing here yet; run /brief link first.');
    if (b.workspace !== input.channel.workspace || b.channel !== input.channel.channel) {
      return error('That briefing belongs to another channel; run /brief there.');
    }
    return { kind: 'followup', heading: `${verb}: ${b.title}`, text: arg ? `You asked: ${arg}` : b.text.slice(0, 200), briefingId: id };
  }

  return {
    inputs,
    async handle(input) {
      inputs.push(input);
      const text = input.text.trim();
      if (input.followup) return followup(input, input.followup.verb, input.followup.briefingId, input.followup.arg);
      if (text === 'boom') throw new Error('fake core bug');
      if (text === 'many links') return manyLinks();
      if (MANAGE.test(text) && !input.canManage) return error('Only server managers can change feeds, schedules or settings.');
      if (/^https?:\/\//.test(text)) return brief(input, text, '');
      const [word, ...rest] = text.split(/\s+/);
      if (word && ['more', 'ask', 'quotes', 'who', 'next', 'source'].includes(word)) {
        return followup(input, word as FollowupVerb, undefined, rest.join(' ') || undefined);
      }
      if (text === '') return { kind: 'digest', heading: 'Digest', sections: [{ heading: 'Nothing new', text: 'No feeds yet.' }] };
      if (/^(help|feeds|schedule|settings|why)\b/.test(text)) return { kind: 'info', heading: 'OK', text: `ran: ${text}` };
      return brief(input, undefined, text);
    },
  };
}
