/**
 * Bolt listeners: the slash command, follow-up buttons and the Ask modal. Each one acks at once
 * (Slack's 3-second rule), then runs the core and delivers the reply.
 */
import type { App, BlockAction, ButtonAction, Context, ViewSubmitAction } from '@slack/bolt';
import type { ChannelRef, CommandInput, FollowupVerb } from '../../core/model.js';
import {
  ACTION_ID_PATTERN,
  ASK_BLOCK_ID,
  ASK_INPUT_ACTION_ID,
  ASK_MODAL_CALLBACK_ID,
  decodeActionValue,
  decodeAskContext,
  encodeAskContext,
  type AskContext,
} from './action-ids.js';
import { deliverReply, runCore, type HandlerDeps } from './dispatch.js';
import { installationKey } from './installations.js';
import { SLACK_LIMITS } from './limits.js';
import { trimText } from './mrkdwn.js';

const slackChannel = (workspace: string, channel: string): ChannelRef => ({ platform: 'slack', workspace, channel });

/**
 * The workspace a request's channel data belongs to: the bot token's own (single-workspace mode, so a
 * Slack Connect channel is one channel whoever speaks), else the installation Bolt authorized the
 * request with (OAuth mode; the key installations are stored under), else the payload's team.
 */
const workspaceOf = (deps: HandlerDeps, context: Context, fallback: string | undefined): string | undefined =>
  deps.homeTeam() ?? installationKey(context) ?? fallback;

/**
 * Only these commands depend on canManage (COMMANDS.md), so only they cost a users.info call;
 * for everything else (briefings, follow-ups) canManage is passed as false without a lookup.
 */
const MANAGE_COMMAND = /^(feeds?|schedule|settings)\b/i;

/**
 * Let requests that are already waiting get their ack before this one's slower work starts
 * (setImmediate runs after the pending I/O callbacks), which keeps acks fast under bursts.
 */
const yieldToPendingRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Attach every listener to `app`. */
export function registerHandlers(app: App, deps: HandlerDeps, command: string): void {
  app.command(command, async ({ command: cmd, ack, respond, client, context }) => {
    await ack();
    await yieldToPendingRequests();
    const text = cmd.text.trim();
    const workspace = workspaceOf(deps, context, cmd.team_id) ?? cmd.team_id;
    const input: CommandInput = {
      channel: slackChannel(workspace, cmd.channel_id),
      user: cmd.user_id,
      userName: cmd.user_name,
      canManage: MANAGE_COMMAND.test(text) ? await deps.canManage(workspace, cmd.user_id, client) : false,
      text,
    };
    const reply = await runCore(deps, input);
    await deliverReply(deps, { client, channel: cmd.channel_id, user: cmd.user_id, respond }, reply);
  });

  app.action<BlockAction<ButtonAction>>(ACTION_ID_PATTERN, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    await yieldToPendingRequests();
    const decoded = decodeActionValue(action.value);
    const channel = body.channel?.id;
    const workspace = workspaceOf(deps, context, body.team?.id ?? body.user.team_id);
    if (!decoded || !channel || !workspace) {
      deps.logger.warn('slack: ignored a button without a briefing or channel', { action: action.action_id });
      return;
    }
    const threadTs = threadOf(body);
    if (decoded.verb === 'ask') {
      await openAskModal(deps, client, body.trigger_id, { channel, briefingId: decoded.briefingId, ...(threadTs ? { threadTs } : {}) });
      return;
    }
    await runFollowup(deps, client, { workspace, channel, user: body.user.id, userName: body.user.username, threadTs, respond }, decoded.verb, decoded.briefingId);
  });

  app.view<ViewSubmitAction>(ASK_MODAL_CALLBACK_ID, async ({ ack, body, view, client, context }) => {
    const question = view.state.values[ASK_BLOCK_ID]?.[ASK_INPUT_ACTION_ID]?.value?.trim();
    if (!question) {
      await ack({ response_action: 'errors', errors: { [ASK_BLOCK_ID]: 'Type a question, then press Ask.' } });
      return;
    }
    await ack();
    const ctx = decodeAskContext(view.private_metadata);
    const workspace = workspaceOf(deps, context, body.team?.id ?? body.user.team_id);
    if (!ctx || !workspace) {
      deps.logger.warn('slack: Ask modal without a briefing context', {});
      return;
    }
    await runFollowup(deps, client, { workspace, channel: ctx.channel, user: body.user.id, userName: body.user.name, threadTs: ctx.threadTs }, 'ask', ctx.briefingId, question);
  });
}

interface FollowupSource {
  workspace: string;
  channel: string;
  user: string;
  userName?: string;
  threadTs: string | undefined;
  respond?: Parameters<typeof deliverReply>[1]['respond'];
}

/** Run a follow-up verb on a briefing and answer in the message's thread. */
async function runFollowup(
  deps: HandlerDeps,
  client: Parameters<typeof deliverReply>[1]['client'],
  src: FollowupSource,
  verb: FollowupVerb,
  briefingId: string,
  arg?: string,
): Promise<void> {
  const input: CommandInput = {
    channel: slackChannel(src.workspace, src.channel),
    user: src.user,
    ...(src.userName ? { userName: src.userName } : {}),
    canManage: false,
    text: '',
    followup: { verb, briefingId, ...(arg ? { arg } : {}) },
  };
  const reply = await runCore(deps, input);
  await deliverReply(
    deps,
    { client, channel: src.channel, user: src.user, ...(src.threadTs ? { threadTs: src.threadTs } : {}), ...(src.respond ? { respond: src.respond } : {}) },
    reply,
  );
}

/** The thread a button's message belongs to (or starts). */
function threadOf(body: BlockAction): string | undefined {
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const container = body.container as { message_ts?: string; thread_ts?: string };
  return message?.thread_ts ?? message?.ts ?? container.thread_ts ?? container.message_ts;
}

/** views.open must use the trigger within 3 s of the click, so it runs right after ack(). */
async function openAskModal(
  deps: HandlerDeps,
  client: Parameters<typeof deliverReply>[1]['client'],
  triggerId: string,
  ctx: AskContext,
): Promise<void> {
  const metadata = encodeAskContext(ctx);
  if (metadata.length > SLACK_LIMITS.PRIVATE_METADATA_CHARS) return;
  try {
    await client.views.open({
      trigger_id: triggerId,
      view: {
        type: 'modal',
        callback_id: ASK_MODAL_CALLBACK_ID,
        private_metadata: metadata,
        title: { type: 'plain_text', text: trimText('Ask about the article', 24) },
        submit: { type: 'plain_text', text: 'Ask' },
        close: { type: 'plain_text', text: 'Cancel' },
        blocks: [
          {
            type: 'input',
            block_id: ASK_BLOCK_ID,
            label: { type: 'plain_text', text: 'Your question' },
            element: {
              type: 'plain_text_input',
              action_id: ASK_INPUT_ACTION_ID,
              max_length: 500,
              placeholder: { type: 'plain_text', text: 'e.g. Who is leading the talks?' },
            },
          },
        ],
      },
    });
  } catch (err) {
    deps.logger.warn('slack: views.open failed', { error: err instanceof Error ? err.message : String(err) });
  }
}
