/**
 * People, organisations and places an article names, with the role it gives them and how often
 * it mentions them. Built from runs of capitalised words, cue words and small gazetteers
 * (wink's lite model has no person/organisation/place recogniser). A few ms per article.
 */
import type { Entities, NamedEntity } from '../model.js';
import { findCapitalRuns, type CapitalRun } from './entity-runs.js';
import { FIRST_NAMES, NOT_ORGANISATIONS, ORGANISATIONS, ORGANISATION_HEADS, ORGANISATION_TAILS, PERSON_TITLES, PLACES, TITLE_WORDS } from './gazetteers.js';
import type { Sentence } from './sentences.js';
import { groupNames, isCommonWord, judgeSingleNames, lowerCaseWords } from './single-names.js';

export type EntityKind = 'person' | 'organisation' | 'place';

/** One mention of an entity in one sentence. */
export interface EntityMention {
  /** The canonical name this mention was merged into ("Sergei Ryabkov" for "Ryabkov"). */
  name: string;
  /** `other`: a capitalised name the cues could not classify ("Christie's"); not listed in Entities. */
  kind: EntityKind | 'other';
  sentence: number;
  /** Character offsets of the mention (title included) in the sentence text. */
  start: number;
  end: number;
  /** This mention comes with a role ("Deputy Foreign Minister Sergei Ryabkov", "Ny, the director of …"). */
  hasRole?: boolean;
}

export interface EntityAnalysis {
  entities: Entities;
  /** Every mention, in reading order. */
  mentions: EntityMention[];
}

const ALIASES: Record<string, string> = {
  'u.s.': 'United States', us: 'United States', usa: 'United States', 'u.s.a.': 'United States',
  'u.k.': 'United Kingdom', uk: 'United Kingdom',
};
const ACRONYM = /^[A-Z][A-Z&]{1,6}$/;
const KNOWN = [PLACES, ORGANISATIONS, new Set(Object.keys(ALIASES))];
const SPEECH_AFTER = /^\s*(?:,\s*)?(?:said|says|told|added|mentioned|stated|explained|insisted|warned|wrote|tweeted)\b/;
/** For a lone word, whose kind other evidence decides, any verb of saying will do ("Rosberg admitted"). */
const LONE_SPEECH_AFTER = /^\s*(?:,\s*)?(?:said|says|told|added|mentioned|stated|explained|insisted|warned|wrote|tweeted|admitted|admits|complained|replied|recalled|argued)\b/;
const WHO_AFTER = /^,\s+who\b/;
const PLACE_BEFORE = /\b(?:in|near|outside)\s+$/;
/** Courtesy titles mark a person but are not a role worth showing. */
const COURTESY = /^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady)\.?$/i;
const APPOSITIVE = /^,\s+((?:the|a|an)\s+[^,.;:“”"]{3,90}?)(?=[,.;:]|$)/;
const RELATIVE = /^,\s+(who\s+(?:is|was|will|leads|led|heads|headed|runs|ran|has been|had been|became)\s[^,.;:“”"]{3,80}?)(?=[,.;:]|$)/;
const MAX_ROLE_WORDS = 12;
/** A lower-case role right before a name: "police spokesman Qasim Roble", "head coach Jill Ellis". */
const ROLE_BEFORE =
  /(?<![\p{L}'’])((?:[\p{Ll}'’-]+\s+){0,2}(?:spokes(?:man|woman|person)|coach|witness|headteacher|teacher|officer|chief|minister|president|director|manager|leader|founder|lawyer|attorney|journalist|analyst|official|chairman|chairwoman|ceo|editor|professor|doctor|captain|striker|midfielder|defender|goalkeeper|player|actor|actress|singer|author|reporter|photographer|commander|general|governor|mayor|senator|judge|prosecutor|detective|inspector|friend|neighbour|neighbor|victim|resident))\s+$/u;
/** What kind of organisation, from the words after its name: "RIA news agency", "Interfax information company". */
const ORGANISATION_ROLE =
  /^\s+((?:[\p{Ll}-]+\s+)?(?:news agency|agency|information company|newspaper|broadcaster|television|radio|website|militant group|group|party|alliance|company|firm|bank|charity|union))\b/u;
const ROLE_BEFORE_STOP = /^(?:the|a|an|his|her|their|its|our|said|and|of|by|to|with|told|from)\s+/;

interface Draft {
  name: string;
  kind: EntityKind;
  roles: string[];
  mentions: number;
  first: number;
}

/**
 * An organisation's acronym ("NATO", "FDA"), not a thing ("DNA", "GPS") nor a shouted word of a
 * headline ("CLUBS TREAT …") whose lower-case form the article uses.
 */
function isAcronym(word: string, lowerWords: Set<string>): boolean {
  const lower = word.toLowerCase();
  return ACRONYM.test(word) && !NOT_ORGANISATIONS.has(lower) && !(lower.length >= 4 && lowerWords.has(lower));
}

/** A word of a capitals-only line or label ("SCROLL DOWN FOR VIDEO", "AGE: 27"), not a name. */
function shouted(run: CapitalRun, text: string): boolean {
  return /\b[A-Z]{2,}[\s'’,]*$/.test(text.slice(0, run.start)) || /^[\s'’,]*(?:[A-Z]{2,}\b|:)/.test(text.slice(run.end));
}

/** Classifies a run as a person, organisation or place; undefined when the cues say nothing. */
function classify(run: CapitalRun, text: string, lowerWords: Set<string>, groups: Set<string>): EntityKind | undefined {
  const lower = run.name.toLowerCase();
  const words = run.nameTokens.map((w) => w.toLowerCase());
  const last = words[words.length - 1]!;
  if (ORGANISATIONS.has(lower) || (words.length > 1 && (ORGANISATION_TAILS.has(last) || ORGANISATION_HEADS.has(words[0]!)))) {
    return 'organisation';
  }
  if (PLACES.has(lower) || ALIASES[lower] !== undefined) return 'place';
  if (isAcronym(run.name, lowerWords) && !shouted(run, text)) return 'organisation';
  const titleWords = run.title?.toLowerCase().split(' ') ?? [];
  if (titleWords.some((w) => PERSON_TITLES.has(w))) return 'person';
  if (words.length >= 2 && words.length <= 4 && FIRST_NAMES.has(words[0]!)) return 'person';
  // "… a draw with Everton Gomis said": a name does not start with a team, organisation or place.
  if (words.length >= 2 && groups.has(run.nameTokens[0]!)) return undefined;
  const after = text.slice(run.end);
  if (words.length >= 2 && words.length <= 3 && (SPEECH_AFTER.test(after) || WHO_AFTER.test(after))) return 'person';
  // "Marianne Ny, the director of public prosecutions"
  const role = APPOSITIVE.exec(after)?.[1];
  if (words.length >= 2 && words.length <= 3 && role !== undefined && role.split(/\s+/).some((w) => PERSON_TITLES.has(w.toLowerCase()) || TITLE_WORDS.has(w.toLowerCase()) && w !== 'the' && w !== 'of')) return 'person';
  if (words.length === 1 && !run.sentenceInitial && PLACE_BEFORE.test(text.slice(0, run.start))) return 'place';
  return undefined;
}

/** The role an appositive or short relative clause gives right after a name. */
function roleAfter(text: string): string | undefined {
  const match = APPOSITIVE.exec(text) ?? RELATIVE.exec(text);
  const role = match?.[1]?.trim();
  if (role === undefined || role.split(/\s+/).length > MAX_ROLE_WORDS) return undefined;
  return role;
}

/** "police spokesman" from the words before a name, without a leading article or verb. */
function roleBefore(text: string): string | undefined {
  let role = ROLE_BEFORE.exec(text)?.[1]?.trim();
  while (role !== undefined && ROLE_BEFORE_STOP.test(role)) role = role.replace(ROLE_BEFORE_STOP, '');
  return role;
}

const canonical = (name: string): string => ALIASES[name.toLowerCase()] ?? name;

/**
 * Extracts the people, organisations and places of an article.
 * @param sentences - the article's sentences (from `splitSentences`)
 * @returns entities sorted by importance (mentions, role, first appearance) and every mention
 */
export function extractEntities(sentences: Sentence[]): EntityAnalysis {
  const runs = sentences.flatMap((s) => findCapitalRuns(s).map((run) => ({ run, text: s.text })));
  const lowerWords = lowerCaseWords(sentences);
  const drafts = new Map<string, Draft>();
  const mentions: EntityMention[] = [];
  const add = (name: string, kind: EntityKind, run: CapitalRun, role?: string): void => {
    const key = `${kind}:${name.toLowerCase()}`;
    const draft = drafts.get(key) ?? { name, kind, roles: [], mentions: 0, first: run.sentence };
    draft.mentions++;
    if (role !== undefined && !draft.roles.some((r) => r.toLowerCase() === role.toLowerCase())) draft.roles.push(role);
    drafts.set(key, draft);
    mentions.push({ name, kind, sentence: run.sentence, start: run.start, end: run.end, ...(role === undefined ? {} : { hasRole: true }) });
  };

  // Words the article uses alone as a team, organisation or place ("against Everton", "in Lyon").
  const single = runs.filter(({ run }) => run.nameTokens.length === 1).map(({ run }) => ({ word: run.name, sentence: run.sentence, start: run.start, end: run.end }));
  const groups = groupNames(single, sentences);
  // "Louis Jordan" makes a lone "Jordan" in the same story him, not the country.
  const surnames = new Set(
    runs.filter(({ run, text }) => run.nameTokens.length > 1 && classify(run, text, lowerWords, groups) === 'person').map(({ run }) => run.nameTokens.at(-1)!),
  );
  // Pass 1: runs the cues classify; single words wait until full names are known.
  const pending: { run: CapitalRun; text: string }[] = [];
  for (const item of runs) {
    const kind = surnames.has(item.run.name) ? undefined : classify(item.run, item.text, lowerWords, groups);
    const known = KNOWN.some((set) => set.has(item.run.name.toLowerCase())) || (isAcronym(item.run.name, lowerWords) && !shouted(item.run, item.text));
    if (kind === undefined || (item.run.nameTokens.length === 1 && (kind === 'person' || !known))) {
      pending.push(item);
      continue;
    }
    const role =
      kind === 'person'
        ? item.run.title !== undefined && !COURTESY.test(item.run.title)
          ? item.run.title
          : roleBefore(item.text.slice(0, item.run.start))
        : kind === 'organisation'
          ? ORGANISATION_ROLE.exec(item.text.slice(item.run.end))?.[1]
          : undefined;
    const after = kind === 'person' ? roleAfter(item.text.slice(item.run.end)) : undefined;
    add(canonical(item.run.name), kind, item.run, role);
    if (after !== undefined) add(canonical(item.run.name), kind, item.run, after);
  }

  // Pass 2: "Ryabkov" is the "Sergei Ryabkov" named elsewhere; other single words need a cue.
  const people = [...drafts.values()].filter((d) => d.kind === 'person' && d.name.includes(' '));
  const lone = pending.filter(({ run }) => run.nameTokens.length === 1).map(({ run }) => ({ word: run.name, sentence: run.sentence, start: run.start, end: run.end }));
  const judged = judgeSingleNames(lone, sentences, (after) => LONE_SPEECH_AFTER.test(after));
  // "Gene Schaerr, a Washington appellate lawyer … Schaerr said": a two- or three-word name whose last
  // word speaks on its own elsewhere is a person, even with a first name no list knows.
  const speakers = new Set(lone.filter((m) => LONE_SPEECH_AFTER.test(sentences[m.sentence]!.text.slice(m.end))).map((m) => m.word));
  const named = new Set<CapitalRun>();
  for (const { run, text } of pending) {
    const words = run.nameTokens;
    const last = words.at(-1)!;
    if (words.length < 2 || words.length > 3 || !speakers.has(last) || judged.get(last) === 'organisation' || groups.has(words[0]!)) continue;
    if (words.some((w) => isCommonWord(w, lowerWords) || KNOWN.some((set) => set.has(w.toLowerCase())))) continue;
    add(run.name, 'person', run, roleAfter(text.slice(run.end)));
    named.add(run);
    const draft = drafts.get(`person:${run.name.toLowerCase()}`)!;
    if (!people.includes(draft)) people.push(draft);
  }
  // Longer names first, so "Zakary" can find the "Zakary Ingraham" a later sentence names.
  const longestFirst = pending.filter(({ run }) => !named.has(run)).sort((a, b) => b.run.nameTokens.length - a.run.nameTokens.length);
  for (const { run, text } of longestFirst) {
    const word = run.name;
    const full = people.find((p) => p.name.split(' ').at(-1) === word || p.name.split(' ')[0] === word);
    const after = roleAfter(text.slice(run.end));
    const title = run.title !== undefined && !COURTESY.test(run.title) ? run.title : undefined;
    const [given, family] = run.nameTokens;
    const relative =
      run.nameTokens.length === 2 && !run.sentenceInitial && run.title === undefined && people.some((p) => p.name.split(' ').at(-1) === family) &&
      !KNOWN.some((set) => set.has(given!.toLowerCase())) && !groups.has(given!) && !isAcronym(given!, lowerWords) && !isCommonWord(given!, lowerWords);
    if (full !== undefined) add(full.name, 'person', run, title ?? after);
    // "Zakary Ingraham" in a story about "Ron Ingraham": a relative.
    else if (relative) {
      add(word, 'person', run, after);
      people.push(drafts.get(`person:${word.toLowerCase()}`)!);
    }
    else if (run.title !== undefined && classify(run, text, lowerWords, groups) === 'person' && !isCommonWord(word, lowerWords)) add(word, 'person', run, title);
    else if (run.nameTokens.length === 1 && judged.has(word)) {
      const kind = judged.get(word)!;
      add(word, kind, run, kind === 'person' ? after : undefined);
    }
    else if (classify(run, text, lowerWords, groups) === 'place') add(canonical(word), 'place', run);
    else if (!run.sentenceInitial) mentions.push({ name: word, kind: 'other', sentence: run.sentence, start: run.start, end: run.end });
  }
  mentions.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
  fixDoubleCounts(drafts, mentions);
  return { entities: rank(drafts), mentions };
}

/** A person whose role came from an appositive was added twice for one mention; count it once. */
function fixDoubleCounts(drafts: Map<string, Draft>, mentions: EntityMention[]): void {
  const seen = new Set<string>();
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    const key = `${m.kind}:${m.name.toLowerCase()}:${m.sentence}:${m.start}`;
    if (seen.has(key)) {
      mentions.splice(i, 1);
      drafts.get(`${m.kind}:${m.name.toLowerCase()}`)!.mentions--;
    }
    seen.add(key);
  }
}

function rank(drafts: Map<string, Draft>): Entities {
  const score = (d: Draft): number => d.mentions + (d.roles.length > 0 ? 1.5 : 0) + 1 / (1 + d.first);
  const list = (kind: EntityKind): NamedEntity[] =>
    [...drafts.values()]
      .filter((d) => d.kind === kind)
      .sort((a, b) => score(b) - score(a))
      .map((d) => (d.roles.length > 0 ? { name: d.name, role: joinRoles(d.roles), mentions: d.mentions } : { name: d.name, mentions: d.mentions }));
  return { people: list('person'), organisations: list('organisation'), places: list('place') };
}

/** "Deputy Foreign Minister, who will lead the Russian delegation"; other roles joined with "; ". */
function joinRoles(roles: string[]): string {
  return roles.reduce((acc, role) => (acc === '' ? role : `${acc}${role.startsWith('who ') ? ', ' : '; '}${role}`), '');
}
