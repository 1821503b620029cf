/**
 * The command layer: parse `/brief …`, check permission, run, and always answer with a Reply.
 * Expected failures (NewsbriefError) become a short ephemeral message; anything else is
 * logged and answered generically, and the process keeps serving.
 */
import { randomBytes } from 'node:crypto';
import { isNewsbriefError } from '../errors.js';
import type { Briefing, ChannelRef, CommandInput, FollowupVerb, Reply, SummarizerName } from '../model.js';
import type { CoreApi, Logger } from '../platform.js';
import { resolveFollowupTarget } from '../followup/resolve.js';
import type { Store, StoredBriefing } from '../store/store.js';
import { chooseSummarizer } from '../summarize/llm/choose-summarizer.js';
import type { Summarizer } from '../summarize/summarizer.js';
import { briefingToReply } from './briefing-reply.js';
import { helpReply } from './help.js';
import { createRateLimiter } from './rate-limit.js';
import { parseCommand, type ParsedCommand } from './parse.js';
import type { ArticleSource, DigestService, FollowupService } from './services.js';

export interface CoreDeps {
  store: Store;
  articles: ArticleSource;
  summarizers: { extractive: Summarizer; llm?: Summarizer };
  /** Used when the channel has not chosen (config summarizer.default). */
  defaultSummarizer?: SummarizerName;
  followups?: FollowupService;
  digests?: DigestService;
  /** Most briefings per channel per minute (default 10); further ones are refused politely. */
  briefingsPerMinute?: number;
  /** How long briefings are kept for follow-ups (default 7 days). */
  briefingTtlMs?: number;
  now?: () => Date;
  logger?: Logger;
}

export const DEFAULT_BRIEFING_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const DEFAULT_BRIEFINGS_PER_MINUTE = 10;
export const GENERIC_ERROR_TEXT = 'Something went wrong on our side; try again in a minute.';

const newBriefingId = (): string => randomBytes(9).toString('base64url');

/** An error for the asker only, as one sentence starting with a capital letter. */
export function errorReply(text: string): Reply {
  return { kind: 'error', text: text.charAt(0).toUpperCase() + text.slice(1), ephemeral: true };
}

const MANAGER_ONLY = 'Only channel managers can change feeds, schedules and settings here.';
const NOT_ENABLED = (what: string): string => `${what} are not enabled on this newsbrief instance.`;

/** Creates the platform-neutral core that every adapter calls. */
export function createCore(deps: CoreDeps): CoreApi {
  const now = deps.now ?? (() => new Date());
  const ttl = deps.briefingTtlMs ?? DEFAULT_BRIEFING_TTL_MS;
  const limiter = createRateLimiter({ limit: deps.briefingsPerMinute ?? DEFAULT_BRIEFINGS_PER_MINUTE, windowMs: 60_000 });

  async function pickSummarizer(channel: ChannelRef): Promise<Summarizer> {
    const settings = await deps.store.getSettings(channel);
    return chooseSummarizer(settings.summarizer ?? deps.defaultSummarizer ?? 'extractive', deps.summarizers).summarizer;
  }

  async function brief(input: CommandInput, source: { url: string } | { text: string }): Promise<Reply> {
    const { platform, workspace, channel } = input.channel;
    const waitMs = limiter.take(`${platform}:${workspace}:${channel}`, now().getTime());
    if (waitMs > 0) return errorReply(`Too many briefings in this channel just now; try again in ${Math.ceil(waitMs / 1000)} s.`);
    const article = 'url' in source ? await deps.articles.loadUrl(source.url) : deps.articles.fromText(source.text);
    const summarizer = await pickSummarizer(input.channel);
    const created = now();
    const briefing: Briefing = await summarizer.summarize(article, { now: created, id: newBriefingId() });
    const stored: StoredBriefing = {
      channel: input.channel,
      briefing,
      article,
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + ttl).toISOString(),
    };
    await deps.store.saveBriefing(stored);
    return briefingToReply(briefing);
  }

  async function followup(input: CommandInput, verb: FollowupVerb, briefingId?: string, arg?: string): Promise<Reply> {
    if (!deps.followups) return errorReply(NOT_ENABLED('Follow-up questions'));
    const stored = await resolveFollowupTarget(deps.store, input.channel, briefingId, now(), Math.round(ttl / 86_400_000));
    if (verb === 'ask' && !arg?.trim()) return errorReply('Ask a question: /brief ask who is leading the talks?');
    return { ...(await deps.followups.run(verb, stored, arg)), briefingId: stored.briefing.id };
  }

  async function run(input: CommandInput, cmd: ParsedCommand): Promise<Reply> {
    const needsManager = (cmd.kind === 'feeds' && cmd.action !== 'list') || (cmd.kind === 'schedule' && cmd.action !== 'show') || (cmd.kind === 'settings' && cmd.summarizer);
    if (needsManager && !input.canManage) return errorReply(MANAGER_ONLY);
    const d = deps.digests;
    switch (cmd.kind) {
      case 'invalid':
        return errorReply(cmd.message);
      case 'help':
        return helpReply();
      case 'brief-url':
        return brief(input, { url: cmd.url });
      case 'brief-text':
        return brief(input, { text: cmd.text });
      case 'followup':
        return followup(input, cmd.verb, undefined, cmd.arg);
      case 'settings': {
        if (!cmd.summarizer) {
          const s = await deps.store.getSettings(input.channel);
          return { kind: 'info', text: `Summarizer in this channel: ${s.summarizer ?? deps.defaultSummarizer ?? 'extractive'}.`, ephemeral: true };
        }
        if (cmd.summarizer === 'llm' && !deps.summarizers.llm) {
          return errorReply('No LLM is configured on this instance; ask the admin to set LLM_BASE_URL and LLM_MODEL.');
        }
        await deps.store.updateSettings(input.channel, { summarizer: cmd.summarizer });
        return { kind: 'info', text: `Briefings in this channel now use the ${cmd.summarizer} summarizer.` };
      }
      case 'digest':
        return d ? d.digestNow(input.channel) : errorReply(NOT_ENABLED('Digests'));
      case 'why':
        return d ? d.why(input.channel, cmd.url) : errorReply(NOT_ENABLED('Feeds'));
      case 'feeds':
        if (!d) return errorReply(NOT_ENABLED('Feeds'));
        if (cmd.action === 'add') {
          return d.feedsAdd(input.channel, cmd.url, { ...(cmd.latest === undefined ? {} : { latest: cmd.latest }), ...(cmd.weight === undefined ? {} : { weight: cmd.weight }) });
        }
        if (cmd.action === 'remove') return d.feedsRemove(input.channel, cmd.url);
        return d.feedsList(input.channel);
      case 'schedule':
        if (!d) return errorReply(NOT_ENABLED('Schedules'));
        if (cmd.action === 'set') return d.scheduleSet(input.channel, cmd.spec);
        return cmd.action === 'off' ? d.scheduleOff(input.channel) : d.scheduleShow(input.channel);
    }
  }

  return {
    async handle(input: CommandInput): Promise<Reply> {
      try {
        if (input.followup) return await followup(input, input.followup.verb, input.followup.briefingId, input.followup.arg);
        const command: ParsedCommand = input.pasted ? { kind: 'brief-text', text: input.text } : parseCommand(input.text);
        return await run(input, command);
      } catch (err) {
        if (isNewsbriefError(err)) return errorReply(err.message);
        deps.logger?.error('command failed', { err: err instanceof Error ? err.message : String(err), channel: input.channel, command: input.text.slice(0, 80) });
        return errorReply(GENERIC_ERROR_TEXT);
      }
    },
  };
}
