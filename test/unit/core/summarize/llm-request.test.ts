/**
 * The pieces around the HTTP call: config validation, the prompt's token budget, answer
 * parsing and the summarizer choice.
 */
import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../../../src/core/model.js';
import {
  chooseSummarizer,
  LLM_NOT_CONFIGURED_NOTE,
  LLM_TIMEOUT_MS,
  parseLlmConfig,
} from '../../../../src/core/summarize/llm/index.js';
import { parseLlmAnswer } from '../../../../src/core/summarize/llm/parse.js';
import { buildMessages, buildResponseFormat, truncateToTokens } from '../../../../src/core/summarize/llm/prompt.js';
import type { Summarizer } from '../../../../src/core/summarize/summarizer.js';
import { ConfigError } from '../../../../src/core/errors.js';

describe('parseLlmConfig', () => {
  it('applies defaults to environment strings and trims the base URL', () => {
    const config = parseLlmConfig({ baseUrl: 'http://127.0.0.1:11434/v1/', model: 'llama3.1:8b', apiKey: '', timeoutMs: '' });
    expect(config).toMatchObject({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1:8b', timeoutMs: LLM_TIMEOUT_MS, responseFormat: 'json_object' });
    expect(config.apiKey).toBeUndefined();
    expect(parseLlmConfig({ baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', timeoutMs: '5000' }).timeoutMs).toBe(5000);
  });

  it('names the environment variable and the fix, never the value', () => {
    expect(() => parseLlmConfig({ baseUrl: 'localhost:11434', model: 'm' })).toThrow(/LLM_BASE_URL is invalid .*ending in \/v1/);
    expect(() => parseLlmConfig({ baseUrl: 'http://127.0.0.1:8080/v1', model: '' })).toThrow(ConfigError);
    expect(() => parseLlmConfig({ baseUrl: 'http://127.0.0.1:8080/v1', model: 'm', timeoutMs: 'soon' })).toThrow(/LLM_TIMEOUT_MS/);
    try {
      parseLlmConfig({ baseUrl: 'http://127.0.0.1:8080/v1', model: 'm', apiKey: 42 });
    } catch (error) {
      expect((error as ConfigError).key).toBe('LLM_API_KEY');
      expect((error as Error).message).not.toContain('42');
    }
  });
});

describe('prompt', () => {
  it('leaves a short article whole and cuts a long one at a sentence end', () => {
    expect(truncateToTokens('One. Two.', 100)).toEqual({ text: 'One. Two.', truncated: false });
    const long = 'The council met again today. '.repeat(100);
    const cut = truncateToTokens(long, 50);
    expect(cut.truncated).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(200);
    expect(cut.text.endsWith('today.')).toBe(true);
  });

  it('asks for the point count the caller wants', () => {
    const [system] = buildMessages({ title: 'T', text: 'Text.' }, { minPoints: 2, maxPoints: 4, maxInputTokens: 1000 });
    expect(system?.content).toContain('2 to 4 key facts');
  });

  it('offers a JSON schema response format with the briefing fields', () => {
    const format = buildResponseFormat('json_schema') as { json_schema: { strict: boolean; schema: { required?: string[] } } };
    expect(format.json_schema.schema.required).toEqual(['title', 'points', 'quote', 'whatNext']);
    expect(format.json_schema.strict).toBe(true);
    expect(buildResponseFormat('json_object')).toEqual({ type: 'json_object' });
    expect(buildResponseFormat('none')).toBeUndefined();
  });
});

describe('parseLlmAnswer', () => {
  const answer = { title: 'T', points: ['A.', 'B.', 'C.'], quote: null, whatNext: [] };

  it('reads plain JSON, fenced JSON, JSON after prose and after a <think> block', () => {
    for (const content of [
      JSON.stringify(answer),
      `\`\`\`json\n${JSON.stringify(answer)}\n\`\`\``,
      `Sure! ${JSON.stringify(answer)}`,
      `<think>The user wants {"title"} as JSON.</think>\n${JSON.stringify(answer)}`,
    ]) {
      const parsed = parseLlmAnswer(content);
      expect(parsed.ok && parsed.answer.points).toEqual(['A.', 'B.', 'C.']);
    }
  });

  it('strips list markers and bold markdown from points', () => {
    const parsed = parseLlmAnswer(JSON.stringify({ ...answer, points: ['1. **Port Alder** voted.', '- The levy is $85.', '• 9 to 2.'] }));
    expect(parsed.ok && parsed.answer.points).toEqual(['Port Alder voted.', 'The levy is $85.', '9 to 2.']);
  });

  it('reads an empty quote or event (strict schema mode) as none', () => {
    const parsed = parseLlmAnswer(JSON.stringify({ ...answer, quote: { text: '', speaker: '' }, whatNext: [{ when: '', what: '' }] }));
    expect(parsed.ok && parsed.answer.quote).toBeNull();
    expect(parsed.ok && parsed.answer.whatNext).toEqual([]);
  });

  it('rejects text that is not JSON and JSON with the wrong fields', () => {
    expect(parseLlmAnswer('I cannot summarise this article.')).toEqual({ ok: false, detail: 'the answer was not valid JSON' });
    const wrong = parseLlmAnswer(JSON.stringify({ ...answer, points: 'A. B. C.' }));
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.detail).toContain('points');
  });
});

describe('chooseSummarizer', () => {
  const fake = (name: 'extractive' | 'llm'): Summarizer => ({ name, summarize: async () => ({}) as Briefing });
  const extractive = fake('extractive');
  const llm = fake('llm');

  it('gives the LLM summarizer when asked for and configured', () => {
    expect(chooseSummarizer('llm', { extractive, llm })).toEqual({ summarizer: llm });
    expect(chooseSummarizer('extractive', { extractive, llm })).toEqual({ summarizer: extractive });
  });

  it('gives the extractive one with a note when the LLM is not configured', () => {
    expect(chooseSummarizer('llm', { extractive })).toEqual({ summarizer: extractive, note: LLM_NOT_CONFIGURED_NOTE });
  });
});
