/**
 * The boundary between Slack handlers and the core: run a command, turn a crash into a generic
 * reply, and deliver the Reply where it belongs (channel or thread for everyone; errors only to
 * the asker).
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { CommandInput, Reply } from '../../core/model.js';
import type { CoreApi, Logger } from '../../core/platform.js';
import { isNotInChannel, postEphemeral, postMessages, slackErrorCode, type RateLimitPolicy } from './deliver.js';
import { redactTokens } from './logger.js';
import type { ManagerCheck } from './permissions.js';
import { renderReply } from './render.js';

/** What every handler needs. `core()` is read per request so start() can hand it in late. */
export interface HandlerDeps {
  core: () => CoreApi;
  /**
   * The workspace the bot is installed in (auth.test's team_id, known once started). Channels are
   * keyed by it, not by the caller's team: in a Slack Connect channel people from two organisations
   * share one channel, its feeds and its briefings. Undefined in OAuth mode, where each request's
   * workspace is the installation Bolt authorized it with (handlers.ts).
   */
  homeTeam: () => string | undefined;
  logger: Logger;
  canManage: ManagerCheck;
  rateLimit: RateLimitPolicy;
}

export const GENERIC_ERROR = 'Something went wrong on our side; try again in a minute.';

/** core.handle, where an exception is a bug: logged (no tokens) and answered generically. */
export async function runCore(deps: HandlerDeps, input: CommandInput): Promise<Reply> {
  try {
    return await deps.core().handle(input);
  } catch (err) {
    deps.logger.error('slack: core.handle threw', {
      err: redactTokens(err instanceof Error ? (err.stack ?? err.message) : String(err)),
      channel: `${input.channel.workspace}/${input.channel.channel}`,
      command: input.followup?.verb ?? input.text.split(/\s+/)[0] ?? '',
    });
    return { kind: 'error', ephemeral: true, text: GENERIC_ERROR };
  }
}

export const isPrivateReply = (reply: Reply): boolean => reply.ephemeral === true || reply.kind === 'error';

export interface Destination {
  client: webApi.WebClient;
  channel: string;
  user: string;
  /** Post in this thread (follow-ups). */
  threadTs?: string;
  /** The request's response_url, when it has one. */
  respond?: RespondFn;
}

/**
 * Deliver a reply: private ones to the asker only, others to the channel (or thread) with
 * "Asked by". When the bot is not in the channel it answers through response_url instead.
 */
export async function deliverReply(deps: HandlerDeps, to: Destination, reply: Reply): Promise<void> {
  if (isPrivateReply(reply)) return deliverPrivately(deps, to, reply);
  const messages = renderReply(reply, { askedBy: to.user });
  try {
    await postMessages(to.client, { channel: to.channel, ...(to.threadTs ? { threadTs: to.threadTs } : {}) }, messages, deps.rateLimit);
  } catch (err) {
    if (isNotInChannel(err) && to.respond) {
      for (const m of messages) {
        await safeRespond(deps, to.respond, {
          response_type: 'in_channel',
          replace_original: false,
          ...m,
          ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
        });
      }
      return;
    }
    deps.logger.warn('slack: chat.postMessage failed', { error: slackErrorCode(err) ?? String(err), channel: to.channel });
    await deliverPrivately(deps, to, {
      kind: 'error',
      ephemeral: true,
      text: isNotInChannel(err)
        ? 'I can’t post in this channel; invite me with /invite and try again.'
        : 'I couldn’t post the answer here; try again in a minute.',
    });
  }
}

/** Errors and other private replies: via response_url when there is one, else chat.postEphemeral. */
async function deliverPrivately(deps: HandlerDeps, to: Destination, reply: Reply): Promise<void> {
  const messages = renderReply(reply);
  if (to.respond && !to.threadTs) {
    for (const m of messages) await safeRespond(deps, to.respond, { response_type: 'ephemeral', replace_original: false, ...m });
    return;
  }
  try {
    await postEphemeral(to.client, { channel: to.channel, user: to.user, ...(to.threadTs ? { threadTs: to.threadTs } : {}) }, messages, deps.rateLimit);
  } catch (err) {
    if (!to.respond) {
      deps.logger.warn('slack: chat.postEphemeral failed', { error: slackErrorCode(err) ?? String(err), channel: to.channel });
      return;
    }
    for (const m of messages) await safeRespond(deps, to.respond, { response_type: 'ephemeral', replace_original: false, ...m });
  }
}

async function safeRespond(deps: HandlerDeps, respond: RespondFn, message: Parameters<RespondFn>[0]): Promise<void> {
  try {
    await respond(message);
  } catch (err) {
    deps.logger.warn('slack: respond() via response_url failed', { error: err instanceof Error ? err.message : String(err) });
  }
}
