import { describe, expect, it } from 'vitest';
import { PermissionFlagsBits, type APIInteraction } from 'discord.js';
import { baseInput, focusedOption, inGuild, interactionKind, modalValue, readInvocation } from '../../../../src/adapters/discord/read-interaction.js';
import { autocompletePayload, buttonPayload, modalSubmitPayload, slashPayload } from '../../../helpers/discord-payloads.js';
import { MANAGER, MEMBER } from '../../../helpers/discord-harness.js';

const raw = (payload: unknown) => payload as APIInteraction;

describe('reading raw interaction JSON', () => {
  it('reads group, subcommand and values of a nested /brief command', () => {
    const payload = raw(slashPayload(MANAGER, ['feeds', 'add'], { url: 'https://ex.org/feed', latest: 3 }));
    expect(interactionKind(payload)).toBe('command');
    expect(readInvocation(payload)).toEqual({ group: 'feeds', subcommand: 'add', options: { url: 'https://ex.org/feed', latest: 3 } });
    expect(readInvocation(raw(slashPayload(MEMBER, ['help'])))).toEqual({ group: null, subcommand: 'help', options: {} });
  });

  it('finds the option being typed in an autocomplete', () => {
    const payload = raw(autocompletePayload(MANAGER, ['schedule', 'set'], 'timezone', 'par'));
    expect(interactionKind(payload)).toBe('autocomplete');
    expect(focusedOption(payload)).toEqual({ name: 'timezone', value: 'par' });
  });

  it('reads a modal’s text input from label components and from legacy action rows', () => {
    const labelled = raw(modalSubmitPayload(MEMBER, 'nb:v1:ask:b1', 'Who pays?'));
    expect(modalValue(labelled, 'question')).toBe('Who pays?');
    const legacy = raw({ ...modalSubmitPayload(MEMBER, 'nb:v1:ask:b1', ''), data: { custom_id: 'nb:v1:ask:b1', components: [{ type: 1, components: [{ type: 4, custom_id: 'question', value: 'Why?' }] }] } });
    expect(modalValue(legacy, 'question')).toBe('Why?');
  });

  it('grants Manage Server from the member’s bit set, counts Administrator, and never in a DM', () => {
    expect(baseInput(raw(slashPayload(MANAGER, ['help']))).canManage).toBe(true);
    expect(baseInput(raw(slashPayload(MEMBER, ['help']))).canManage).toBe(false);
    const admin = raw(slashPayload({ ...MEMBER, permissions: String(PermissionFlagsBits.Administrator) }, ['help']));
    expect(baseInput(admin).canManage).toBe(true);
    const { guild_id: _g, member, ...dm } = slashPayload(MANAGER, ['help']);
    const direct = raw({ ...dm, user: member.user });
    expect(inGuild(direct)).toBe(false);
    expect(baseInput(direct)).toMatchObject({ canManage: false, user: member.user.id, userName: 'Grace' });
  });

  it('tells buttons from other components', () => {
    expect(interactionKind(raw(buttonPayload(MEMBER, 'nb:v1:more:b1')))).toBe('button');
    const select = buttonPayload(MEMBER, 'x');
    select.data.component_type = 3;
    expect(interactionKind(raw(select))).toBe('other');
  });
});
