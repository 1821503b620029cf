/**
 * Answering one interaction, whichever transport brought it. Discord takes exactly one first
 * response (reply, defer, modal or autocomplete choices): over the gateway we POST it to the
 * interaction callback route, at the HTTP endpoint it is the body of the HTTP response. Everything
 * after it (editing the deferred reply, follow-ups, deleting the placeholder) goes to the
 * interaction's webhook through REST with the interaction token (no bot token needed).
 */
import {
  InteractionResponseType,
  MessageFlags,
  Routes,
  type APICommandAutocompleteInteractionResponseCallbackData,
  type APIInteractionResponse,
  type APIModalInteractionResponseCallbackData,
  type REST,
} from 'discord.js';
import type { DiscordMessage } from './types.js';

/** Sends the first response; resolves once it is on its way. */
export type SendInitial = (response: APIInteractionResponse) => Promise<void>;

/**
 * The first response came after Discord's deadline: Discord has told the user the interaction
 * failed and invalidated its token, so no edit or follow-up can be sent for it any more.
 */
export class InteractionExpiredError extends Error {
  constructor(limitMs: number) {
    super(`The interaction was not answered within ${limitMs} ms; Discord has dropped it.`);
    this.name = 'InteractionExpiredError';
  }
}

/** What the handler needs to identify an interaction for REST. The token is never logged. */
export interface InteractionRef {
  id: string;
  token: string;
  application_id: string;
}

/** One interaction's responses, in Discord's terms. */
export interface InteractionResponder {
  /**
   * `none` until the first response; `deferred` while a "thinking…" placeholder is showing;
   * `expired` when the first response came too late, after which nothing more can be sent.
   */
  readonly state: 'none' | 'deferred' | 'answered' | 'expired';
  /** First response: a message, shown only to the user when `ephemeral`. */
  reply(message: DiscordMessage, ephemeral: boolean): Promise<void>;
  /** First response: a public "thinking…" placeholder to edit later. */
  defer(): Promise<void>;
  /** First response: a modal dialog. */
  showModal(modal: APIModalInteractionResponseCallbackData): Promise<void>;
  /** First (and only) response to an autocomplete. */
  suggest(choices: APICommandAutocompleteInteractionResponseCallbackData['choices']): Promise<void>;
  /** Replace the deferred placeholder with `message`. */
  editOriginal(message: DiscordMessage): Promise<void>;
  /** Remove the deferred placeholder. */
  deleteOriginal(): Promise<void>;
  /** Another message under the first, only for the user when `ephemeral`. */
  followUp(message: DiscordMessage, ephemeral: boolean): Promise<void>;
}

const withFlags = (message: DiscordMessage, ephemeral: boolean) => (ephemeral ? { ...message, flags: MessageFlags.Ephemeral } : message);

/**
 * A responder for `interaction` whose first response goes through `sendInitial`.
 * @param rest - any REST client pointed at the API; webhook calls use `auth: false`
 */
export function createResponder(rest: REST, interaction: InteractionRef, sendInitial: SendInitial): InteractionResponder {
  let state: InteractionResponder['state'] = 'none';
  const first = async (response: APIInteractionResponse, next: InteractionResponder['state']): Promise<void> => {
    if (state !== 'none') throw new Error('This interaction has already been answered.');
    state = next;
    try {
      await sendInitial(response);
    } catch (err) {
      if (err instanceof InteractionExpiredError) state = 'expired';
      throw err;
    }
  };
  const original = Routes.webhookMessage(interaction.application_id, interaction.token, '@original');
  return {
    get state() { return state; },
    reply: (message, ephemeral) => first({ type: InteractionResponseType.ChannelMessageWithSource, data: withFlags(message, ephemeral) }, 'answered'),
    defer: () => first({ type: InteractionResponseType.DeferredChannelMessageWithSource }, 'deferred'),
    showModal: (modal) => first({ type: InteractionResponseType.Modal, data: modal }, 'answered'),
    suggest: (choices) => first({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }, 'answered'),
    async editOriginal(message) {
      await rest.patch(original, { body: message, auth: false });
      state = 'answered';
    },
    async deleteOriginal() {
      await rest.delete(original, { auth: false });
      state = 'answered';
    },
    async followUp(message, ephemeral) {
      await rest.post(Routes.webhook(interaction.application_id, interaction.token), {
        body: withFlags(message, ephemeral),
        auth: false,
        query: new URLSearchParams({ wait: 'true' }),
      });
      state = 'answered';
    },
  };
}

/** The gateway's first response: a POST to the interaction's callback route. */
export function postCallback(rest: REST, interaction: InteractionRef): SendInitial {
  return async (response) => {
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: response,
      auth: false,
      query: new URLSearchParams({ with_response: 'false' }),
    });
  };
}
