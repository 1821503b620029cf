/**
 * Interactions → core → replies, for both transports: the raw interaction JSON (gateway dispatch
 * or HTTP request body) is read by read-interaction.ts and answered through an
 * InteractionResponder. Every command and button is deferred at once (well within Discord's 3 s)
 * and completed by editing the deferred reply.
 *
 * Ephemerality: a deferred reply's visibility is fixed when it is deferred, and we only learn
 * whether a Reply is ephemeral (an error) after the core answers. We defer visibly, and when the
 * Reply is ephemeral we delete the "thinking…" placeholder and send the Reply as an ephemeral
 * follow-up, so errors are seen only by the asker. Refusals known up front (no Manage Server)
 * are answered ephemerally straight away, without deferring.
 */
import {
  LabelBuilder,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type APIInteraction,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import type { CommandInput, Reply } from '../../core/model.js';
import type { CoreApi, Logger } from '../../core/platform.js';
import { COMMAND_NAME, needsManage } from './command-definitions.js';
import { decodeCustomId } from './custom-id.js';
import { checkInvocation, toCommandText } from './map-interaction.js';
import { baseInput, commandName, customIdOf, focusedOption, inGuild, interactionKind, modalValue, readInvocation } from './read-interaction.js';
import { renderReply } from './render.js';
import { InteractionExpiredError, type InteractionResponder } from './responder.js';
import { describeError } from './rest-client.js';
import { suggestTimezones } from './timezones.js';

const GENERIC_ERROR = 'Something went wrong on our side; try again in a minute.';
const NEEDS_MANAGE = 'Changing feeds, schedules or settings needs the Manage Server permission; ask a server manager.';
const GUILD_ONLY = 'Use /brief in a server channel.';
const STALE_BUTTON = 'This button is from an older briefing format; run /brief again.';
const QUESTION_FIELD = 'question';

/**
 * Route one interaction (raw JSON, from the gateway or the HTTP endpoint). Never throws: failures
 * are logged and, where possible, shown ephemerally.
 * @param raw - the interaction as Discord sent it
 * @param respond - how this interaction is answered on its transport
 */
export async function handleInteraction(raw: APIInteraction, respond: InteractionResponder, core: CoreApi, log: Logger): Promise<void> {
  try {
    const kind = interactionKind(raw);
    if (kind === 'autocomplete') return await answerAutocomplete(raw, respond);
    if (kind === 'command' && commandName(raw) === COMMAND_NAME) return await runCommand(raw, respond, core, log);
    if (kind === 'button') return await runButton(raw, respond, core, log);
    if (kind === 'modal') return await runModal(raw, respond, core, log);
  } catch (err) {
    // Too late for Discord: its token is dead, so an error notice would only fail again.
    if (err instanceof InteractionExpiredError) return log.warn('discord interaction answered too late; dropped', { interaction: raw.type });
    log.error('discord interaction failed', { err: describeError(err), interaction: raw.type });
    await showEphemeral(respond, GENERIC_ERROR).catch(() => undefined);
  }
}

async function answerAutocomplete(raw: APIInteraction, respond: InteractionResponder): Promise<void> {
  const focused = focusedOption(raw);
  await respond.suggest(focused?.name === 'timezone' ? suggestTimezones(focused.value) : []);
}

async function runCommand(raw: APIInteraction, respond: InteractionResponder, core: CoreApi, log: Logger): Promise<void> {
  if (!inGuild(raw)) return showEphemeral(respond, GUILD_ONLY);
  const invocation = readInvocation(raw);
  const input: CommandInput = {
    ...baseInput(raw),
    text: toCommandText(invocation),
    ...(invocation.group === null && invocation.subcommand === 'text' ? { pasted: true } : {}),
  };
  // Checked here as well as in the core: a refusal needs no defer and no round trip.
  if (needsManage(invocation.group, invocation.subcommand) && !input.canManage) return showEphemeral(respond, NEEDS_MANAGE);
  const problem = checkInvocation(invocation);
  if (problem) return showEphemeral(respond, problem);
  await respond.defer();
  await answer(respond, core, input, log);
}

async function runButton(raw: APIInteraction, respond: InteractionResponder, core: CoreApi, log: Logger): Promise<void> {
  const customId = customIdOf(raw) ?? '';
  const ref = decodeCustomId(customId);
  if (!ref) return showEphemeral(respond, STALE_BUTTON);
  if (!inGuild(raw)) return showEphemeral(respond, GUILD_ONLY);
  // A modal must be the first response, so "Ask" is not deferred.
  if (ref.verb === 'ask') return respond.showModal(askModal(customId).toJSON() as APIModalInteractionResponseCallbackData);
  await respond.defer();
  await answer(respond, core, { ...baseInput(raw), text: '', followup: ref }, log);
}

async function runModal(raw: APIInteraction, respond: InteractionResponder, core: CoreApi, log: Logger): Promise<void> {
  const ref = decodeCustomId(customIdOf(raw) ?? '');
  if (!ref || ref.verb !== 'ask') return showEphemeral(respond, STALE_BUTTON);
  if (!inGuild(raw)) return showEphemeral(respond, GUILD_ONLY);
  const question = (modalValue(raw, QUESTION_FIELD) ?? '').trim();
  await respond.defer();
  await answer(respond, core, { ...baseInput(raw), text: '', followup: { ...ref, arg: question } }, log);
}

/** The "Ask" modal; its custom id is the button's, so the submit knows the briefing. */
export function askModal(customId: string): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(customId)
    .setTitle('Ask about this article')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Your question')
        .setTextInputComponent(
          new TextInputBuilder().setCustomId(QUESTION_FIELD).setStyle(TextInputStyle.Paragraph).setMinLength(2).setMaxLength(500).setRequired(true),
        ),
    );
}

/** Ask the core, then complete the deferred reply. */
async function answer(respond: InteractionResponder, core: CoreApi, input: CommandInput, log: Logger): Promise<void> {
  let reply: Reply;
  try {
    reply = await core.handle(input);
  } catch (err) {
    log.error('core.handle threw', { err: describeError(err), channel: input.channel, command: commandWord(input) });
    reply = { kind: 'error', ephemeral: true, text: GENERIC_ERROR };
  }
  const messages = renderReply(reply, { askedBy: input.userName });
  if (reply.ephemeral) {
    // The placeholder may already be gone (a moderator deleted it); the private answer still goes out.
    await respond.deleteOriginal().catch((err: unknown) => log.warn('could not delete the deferred reply', { err: describeError(err) }));
    for (const message of messages) await respond.followUp(message, true);
    return;
  }
  const [first, ...rest] = messages;
  if (first) await respond.editOriginal(first);
  for (const message of rest) await respond.followUp(message, false);
}

/** The first word of a command, for logs (never the full text, which may be pasted content). */
function commandWord(input: CommandInput): string {
  return input.followup ? `button:${input.followup.verb}` : (input.text.split(/\s/, 1)[0] || 'digest').slice(0, 40);
}

/** Answer with a message only the user sees, whatever state the interaction is in. */
async function showEphemeral(respond: InteractionResponder, text: string): Promise<void> {
  const [message] = renderReply({ kind: 'error', ephemeral: true, text });
  if (respond.state === 'none') return respond.reply(message!, true);
  if (respond.state === 'deferred') await respond.deleteOriginal().catch(() => undefined);
  await respond.followUp(message!, true);
}
