/**
 * Interactions → core → replies. Every command and button is deferred at once (well within
 * Discord's 3 s) and completed by editing the deferred reply.
 *
 * Ephemerality: a deferred reply's visibility is fixed when it is deferred, and we only learn
 * whether a Reply is ephemeral (an error) after the core answers. We defer visibly, and when the
 * Reply is ephemeral we delete the "thinking…" placeholder and send the Reply as an ephemeral
 * follow-up, so errors are seen only by the asker. Refusals known up front (no Manage Server)
 * are answered ephemerally straight away, without deferring.
 */
import {
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { CommandInput, Reply } from '../../core/model.js';
import type { CoreApi, Logger } from '../../core/platform.js';
import { COMMAND_NAME, needsManage } from './command-definitions.js';
import { decodeCustomId, type FollowupRef } from './custom-id.js';
import { baseInput, checkInvocation, readInvocation, toCommandText } from './map-interaction.js';
import { renderReply } from './render.js';
import { describeError } from './rest-client.js';
import { suggestTimezones } from './timezones.js';
import type { DiscordMessage } from './types.js';

const GENERIC_ERROR = 'Something went wrong on our side; try again in a minute.';
const NEEDS_MANAGE = 'Changing feeds, schedules or settings needs the Manage Server permission; ask a server manager.';
const GUILD_ONLY = 'Use /brief in a server channel.';
const STALE_BUTTON = 'This button is from an older briefing format; run /brief again.';
const QUESTION_FIELD = 'question';

type Deferrable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/**
 * Route one interaction. Never throws: failures are logged and, where possible, shown ephemerally.
 * @param interaction - anything discord.js emitted on `interactionCreate`
 */
export async function handleInteraction(interaction: Interaction, core: CoreApi, log: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) return await answerAutocomplete(interaction);
    if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME) return await runCommand(interaction, core, log);
    if (interaction.isButton()) return await runButton(interaction, core, log);
    if (interaction.isModalSubmit()) return await runModal(interaction, core, log);
  } catch (err) {
    log.error('discord interaction failed', { err: describeError(err), interaction: interaction.type });
    await showEphemeral(interaction, GENERIC_ERROR).catch(() => undefined);
  }
}

async function answerAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  await interaction.respond(focused.name === 'timezone' ? suggestTimezones(String(focused.value)) : []);
}

async function runCommand(interaction: ChatInputCommandInteraction, core: CoreApi, log: Logger): Promise<void> {
  if (!interaction.inGuild()) return showEphemeral(interaction, GUILD_ONLY);
  const invocation = readInvocation(interaction);
  const input: CommandInput = {
    ...baseInput(interaction),
    text: toCommandText(invocation),
    ...(invocation.group === null && invocation.subcommand === 'text' ? { pasted: true } : {}),
  };
  // Checked here as well as in the core: a refusal needs no defer and no round trip.
  if (needsManage(invocation.group, invocation.subcommand) && !input.canManage) return showEphemeral(interaction, NEEDS_MANAGE);
  const problem = checkInvocation(invocation);
  if (problem) return showEphemeral(interaction, problem);
  await interaction.deferReply();
  await answer(interaction, core, input, log);
}

async function runButton(interaction: ButtonInteraction, core: CoreApi, log: Logger): Promise<void> {
  const ref = decodeCustomId(interaction.customId);
  if (!ref) return showEphemeral(interaction, STALE_BUTTON);
  if (!interaction.inGuild()) return showEphemeral(interaction, GUILD_ONLY);
  // A modal must be the first response, so "Ask" is not deferred.
  if (ref.verb === 'ask') return interaction.showModal(askModal(interaction.customId));
  await interaction.deferReply();
  await answer(interaction, core, { ...baseInput(interaction), text: '', followup: ref }, log);
}

async function runModal(interaction: ModalSubmitInteraction, core: CoreApi, log: Logger): Promise<void> {
  const ref: FollowupRef | undefined = decodeCustomId(interaction.customId);
  if (!ref || ref.verb !== 'ask') return showEphemeral(interaction, STALE_BUTTON);
  if (!interaction.inGuild()) return showEphemeral(interaction, GUILD_ONLY);
  const question = interaction.fields.getTextInputValue(QUESTION_FIELD).trim();
  await interaction.deferReply();
  await answer(interaction, core, { ...baseInput(interaction), text: '', followup: { ...ref, arg: question } }, log);
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
async function answer(interaction: Deferrable, core: CoreApi, input: CommandInput, log: Logger): Promise<void> {
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
    await interaction.deleteReply().catch((err: unknown) => log.warn('could not delete the deferred reply', { err: describeError(err) }));
    for (const message of messages) await interaction.followUp({ ...toOptions(message), flags: MessageFlags.Ephemeral });
    return;
  }
  const [first, ...rest] = messages;
  if (first) await interaction.editReply(toOptions(first));
  for (const message of rest) await interaction.followUp(toOptions(message));
}

/** The first word of a command, for logs (never the full text, which may be pasted content). */
function commandWord(input: CommandInput): string {
  return input.followup ? `button:${input.followup.verb}` : (input.text.split(/\s/, 1)[0] || 'digest').slice(0, 40);
}

/** Reply options discord.js accepts for reply, editReply and followUp alike. */
interface MessageOptions {
  content?: string;
  embeds: DiscordMessage['embeds'];
  components: DiscordMessage['components'];
  allowedMentions: DiscordMessage['allowed_mentions'];
}

function toOptions(message: DiscordMessage): MessageOptions {
  return {
    ...(message.content === undefined ? {} : { content: message.content }),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: message.allowed_mentions,
  };
}

/** Answer with a message only the user sees, whatever state the interaction is in. */
async function showEphemeral(interaction: Interaction, text: string): Promise<void> {
  if (!interaction.isRepliable()) return;
  const [message] = renderReply({ kind: 'error', ephemeral: true, text });
  const options = { ...toOptions(message!), flags: MessageFlags.Ephemeral } as const;
  if (interaction.deferred || interaction.replied) {
    if (interaction.deferred && !interaction.replied) await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(options);
  } else {
    await interaction.reply(options);
  }
}
