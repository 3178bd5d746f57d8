// The features stage: what a coder notices about each counsellor utterance, as named binary
// features for the learned layer (src/learn). Every rule of the pack is tried on every
// utterance (not only until the first match): each rule that holds is one feature, keyed by
// its id without the language (`rule:persuade.you-should`), so weights carry across languages.
// Beside the rules: question form, length, place in the turn, echo of the client's recent
// words, permission, the rules' own verdict on this and the previous utterance, what the
// client just said, what the utterance adds that nobody in the conversation has said yet, how
// the client answered a question, and the utterance's words (n-grams; the model keeps only
// those in its vocabulary).

import { anyMatches, ruleMatches, type UtteranceContext } from "./match.js";
import { countLevel, echoShare, shareLevel, viewOf, type TextView } from "./view.js";
import { join } from "./names.js";
import { voiceFeatures } from "./voice.js";
import type { LanguagePack } from "../packs/pack.js";
import type { Rule } from "../packs/types.js";
import { isPunctuation } from "../pattern/alphabet.js";
import type { SegmentedTurn } from "../segment/index.js";
import { COUNSELLOR_CODES as COUNSELLOR_CODE_LIST, type Code } from "../types.js";

/**
 * How many of the client's last turns a reflection is measured against (`when.echo`). Clients
 * often answer a reflection with only "Mm-hmm", and counsellors give back what was said a
 * few turns before, so the last turn alone would miss most echoes.
 */
export const RECENT_CLIENT_TURNS = 3;

/** The evidence about one counsellor utterance. */
export interface UtteranceEvidence {
  text: string;
  /** Every rule that holds, highest priority first (ties: load order). */
  hits: Rule[];
  /** Named binary features: rules, form, context (see featureNames below). */
  features: string[];
  /** The utterance's tokens, which its n-grams are made of (the models look n-grams up by word). */
  tokens: readonly string[];
  /** The utterance's word unigrams and bigrams (`w:you`, `w:you should`), made when read (training reads them; coding does not). */
  readonly ngrams: string[];
}

/** Evidence for each turn: an array of utterances for a counsellor turn, null for any other. */
export type TranscriptEvidence = (UtteranceEvidence[] | null)[];

/** The codes whose rules count as the counsellor's own input (information, advice, confronting). */
const INPUT_CODES: ReadonlySet<Code> = new Set(["giving-information", "persuade-with-permission", "persuade", "confront"]);

/** A rule id without its language: the key its weights are stored under. */
export function ruleKey(id: string): string {
  return id.slice(id.indexOf(".") + 1);
}

/**
 * Given the view of each client turn as the counsellor pass makes it: a caller that also reads
 * client turns (client talk) keeps what it needs of the view instead of making it again.
 */
export type ClientViewHook = (view: TextView, turn: SegmentedTurn) => void;

export function transcriptEvidence(turns: readonly SegmentedTurn[], pack: LanguagePack, onClientView?: ClientViewHook): TranscriptEvidence {
  const permission = new PermissionTracker(pack);
  let previousClient: TextView | null = null;
  let clientFeatures: string[] = ["client:none"];
  // The stems of the client's last RECENT_CLIENT_TURNS turns, each turn's set as it was made.
  let recentClientStems: ReadonlySet<string>[] = [];
  // What the rules made of the counsellor's previous turn: explaining often runs over several
  // turns with only "Mm-hmm" between them.
  let previousTurn: string[] = ["pt:start"];
  // Every content stem said so far, by anyone and by the client: what an utterance adds that
  // the conversation never held (information, warnings) beside what it gives back.
  const said = new Set<string>();
  const clientSaid = new Set<string>();
  // A client turn is read once: by the counsellor turn it answers (replyFeatures), then kept
  // for its own step. Only that one view is held, not every client turn's (a 5 MB transcript's
  // views at once cost ~200 MB).
  let nextClient: { at: number; view: TextView } | null = null;
  const clientView = (at: number): TextView | null => {
    const turn = turns[at];
    if (turn?.role !== "client") return null;
    if (nextClient?.at !== at) {
      nextClient = { at, view: viewOf(turn.text, pack) };
      onClientView?.(nextClient.view, turn);
    }
    return nextClient.view;
  };

  return turns.map((turn, at) => {
    if (turn.role === "counsellor") {
      const granted = permission.beforeCounsellorTurn();
      const reply = replyFeatures(clientView(at + 1), pack);
      const views = turn.pieces.map((text) => viewOf(text, pack));
      const evidence = counsellorTurnEvidence(views, pack, { previousClient, recentClientStems, granted, clientFeatures, previousTurn, said, clientSaid, reply });
      permission.afterCounsellorTurn(evidence);
      previousTurn = previousTurnFeatures(evidence);
      for (const view of views) for (const stem of view.stems) said.add(stem);
      return evidence;
    }
    if (turn.role === "client") {
      previousClient = clientView(at)!;
      for (const stem of previousClient.stems) {
        said.add(stem);
        clientSaid.add(stem);
      }
      recentClientStems = [...recentClientStems.slice(1 - RECENT_CLIENT_TURNS), previousClient.stems];
      const answer = clientAnswerOf(previousClient, pack, permission.wasAsked());
      clientFeatures = clientFeaturesOf(previousClient, pack, answer);
      permission.afterClientTurn(answer);
    }
    return null;
  });
}

/**
 * The evidence for one coded line with the client's line before it and a stated permission
 * (a MITI code set's row): the line is one utterance, as its coder read it.
 */
export function lineEvidence(before: string, text: string, permission: boolean, pack: LanguagePack): UtteranceEvidence {
  const previousClient = viewOf(before, pack);
  const clientFeatures = clientFeaturesOf(previousClient, pack, clientAnswerOf(previousClient, pack, permission));
  const said = new Set(previousClient.stems);
  return counsellorTurnEvidence([viewOf(text, pack)], pack, { previousClient, recentClientStems: [previousClient.stems], granted: permission, clientFeatures, previousTurn: [], said, clientSaid: said, reply: [] })[0]!;
}

interface TurnContext {
  previousClient: TextView | null;
  recentClientStems: readonly ReadonlySet<string>[];
  granted: boolean;
  clientFeatures: readonly string[];
  previousTurn: readonly string[];
  /** Content stems said so far in the conversation, by anyone and by the client. */
  said: ReadonlySet<string>;
  clientSaid: ReadonlySet<string>;
  /** How the client answered the turn (replyFeatures); none for a code set's line, which has no answer. */
  reply: readonly string[];
}

function counsellorTurnEvidence(views: readonly TextView[], pack: LanguagePack, context: TurnContext): UtteranceEvidence[] {
  const { previousClient, recentClientStems, granted, clientFeatures } = context;
  const count = views.length;
  const hits: Rule[][] = [];
  views.forEach((view, index) => {
    // `after` conditions see the rules' own verdict on the utterance before.
    const previousCode = index > 0 ? (hits[index - 1]![0]?.code ?? "other") : undefined;
    hits.push(allHits(pack, view, { previousClient, recentClientStems, permission: granted, index, count, previousCode }));
  });
  // Counted once, so "elsewhere in the turn" stays linear in a turn of thousands of utterances.
  const inputAt = hits.map((h) => h.some((rule) => INPUT_CODES.has(rule.code)));
  const inputs = inputAt.filter(Boolean).length;
  const questions = views.filter((v) => v.question).length;
  // A long turn is mostly explaining or summing up; its longest utterance most often says what the turn does.
  const turnWords = views.reduce((sum, v) => sum + v.words, 0);
  const longest = views.reduce((best, v, i) => (v.words > views[best]!.words ? i : best), 0);
  const turnLength = `turn:${lengthBucket(turnWords)}`;
  return views.map((view, index): UtteranceEvidence => {
    const own = hits[index]!;
    const features = ["bias"];
    for (const rule of own) features.push(ruleFeature(rule));
    const codes = new Set<Code>();
    for (const rule of own) codes.add(rule.code);
    for (const code of codes) features.push(NAMES.hit[code]);
    features.push(
      NAMES.top[own[0]?.code ?? "none"],
      index === 0 ? "prev:start" : NAMES.prev[hits[index - 1]![0]?.code ?? "none"],
      view.question ? "form:question-mark" : "form:statement",
      lengthBucket(view.words),
      count === 1 ? "pos:only" : index === 0 ? "pos:first" : index === count - 1 ? "pos:last" : "pos:middle",
      echoBucket(echoShare(view, recentClientStems)),
    );
    if (granted) features.push("permission");
    if (startsWithQuestionWord(view, pack)) features.push("form:wh-start");
    if (inputs - (inputAt[index] ? 1 : 0) > 0) features.push("turn:input-elsewhere");
    if (questions - (view.question ? 1 : 0) > 0) features.push("turn:question-elsewhere");
    features.push(turnLength);
    if (count > 1 && index === longest) features.push("turn:longest");
    for (const feature of clientFeatures) features.push(feature);
    for (const feature of context.previousTurn) features.push(feature);
    for (const feature of voiceFeatures(view, pack, recentClientStems)) features.push(feature);
    for (const feature of conversationFeatures(view, context.said, context.clientSaid)) features.push(feature);
    // A question is told by its answer: open ones draw talk, closed ones a word, and a reflection
    // said with a rising tone a "yeah, and…". The reply answers the turn's last utterance.
    if (index === count - 1 && view.question) for (const feature of context.reply) features.push(join(feature, "|q"));
    return new Evidence(view.text, own, features, view.tokens);
  });
}

// What the rules made of the counsellor's previous turn (the top rule's code of its last
// utterance; whether any utterance was input).
function previousTurnFeatures(turn: readonly UtteranceEvidence[]): string[] {
  const last = turn[turn.length - 1]?.hits[0]?.code ?? "none";
  const input = turn.some((u) => u.hits[0] !== undefined && INPUT_CODES.has(u.hits[0].code));
  return input ? [NAMES.pt[last], "pt:input"] : [NAMES.pt[last]];
}

// Feature names are made once, not per utterance: the model looks each one up by name, and a
// string made once keeps its hash.
const named = (prefix: string) => Object.fromEntries([...COUNSELLOR_CODE_LIST, "none"].map((c) => [c, `${prefix}:${c}`])) as Record<Code | "none", string>;
const NAMES = { hit: named("hit"), top: named("top"), prev: named("prev"), clientHit: named("client-hit"), pt: named("pt") };
const ruleFeatures = new WeakMap<Rule, string>();

/** A rule's feature: `rule:` and its id without the language. */
function ruleFeature(rule: Rule): string {
  let name = ruleFeatures.get(rule);
  if (name === undefined) ruleFeatures.set(rule, (name = `rule:${ruleKey(rule.id)}`));
  return name;
}

/**
 * Every counsellor rule of the pack that holds for one utterance, highest priority first: each
 * rule the gate woke tries only the patterns it woke (RuleGate.masksFor; 0: the rule is not woken).
 */
export function allHits(pack: LanguagePack, view: TextView, context: UtteranceContext): Rule[] {
  const rules = pack.byPriority;
  const masks = pack.patternsWokenFor(view);
  const out: Rule[] = [];
  for (let i = 0; i < rules.length; i++) if (masks[i] !== 0 && ruleMatches(rules[i]!, view, context, masks[i])) out.push(rules[i]!);
  return out;
}

/**
 * How a client turn answers on advice: whether it asks for it, and, after the counsellor asked
 * permission, whether it consents or refuses. Asked once a turn: the client features and the
 * permission tracker both read it.
 */
interface ClientAnswer {
  asksAdvice: boolean;
  consent: boolean;
  refusal: boolean;
}

function clientAnswerOf(client: TextView, pack: LanguagePack, asked: boolean): ClientAnswer {
  return {
    asksAdvice: anyMatches(pack.asksAdvice, client),
    consent: asked && anyMatches(pack.consent, client),
    refusal: asked && anyMatches(pack.refusal, client),
  };
}

// What the client just said: consent, refusal, a request for advice, a question, a short
// reply, and which codes' rules its words hit (a client who says "you should…" is not
// reflecting; but "I should…" after "What will you do?" is a plan the counsellor may echo).
function clientFeaturesOf(client: TextView, pack: LanguagePack, answer: ClientAnswer): string[] {
  const context: UtteranceContext = { previousClient: null, recentClientStems: [], permission: false, index: 0, count: 1 };
  // Which codes' rules hold, not which rules: once one rule of a code holds, its others are skipped.
  const codes = new Set<Code>();
  const rules = pack.byPriority;
  const masks = pack.patternsWokenFor(client);
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (masks[i] !== 0 && !codes.has(rule.code) && ruleMatches(rule, client, context, masks[i])) codes.add(rule.code);
  }
  return [
    ...(answer.asksAdvice ? ["client:asks-advice"] : []),
    ...(answer.consent ? ["client:consent"] : []),
    ...(answer.refusal ? ["client:refusal"] : []),
    client.question ? "client:question" : client.words <= 3 ? "client:short" : "client:statement",
    ...[...codes].map((code) => NAMES.clientHit[code]),
  ];
}

// How much of the utterance the conversation never held: content words nobody has said yet
// (the counsellor's own input: facts, figures, warnings, advice), and the share the client has
// said at any point (a reflection may give back what was said many turns before).
function conversationFeatures(view: TextView, said: ReadonlySet<string>, clientSaid: ReadonlySet<string>): string[] {
  let fresh = 0;
  let client = 0;
  for (const stem of view.stems) {
    if (!said.has(stem)) fresh++;
    if (clientSaid.has(stem)) client++;
  }
  const share = view.stems.size === 0 ? 0 : client / view.stems.size;
  return [
    join("talk:new:", countLevel(fresh)),
    join("talk:client-said:", view.stems.size === 0 ? "empty" : shareLevel(share)),
  ];
}

// How the client answered the turn (the next turn, when it is the client's): how long the
// answer is, whether it opens with a backchannel ("Yeah, …", "Okay."), whether it asks back.
// Used on a turn that ends in a question mark (see counsellorTurnEvidence).
function replyFeatures(reply: TextView | null, pack: LanguagePack): string[] {
  if (reply === null) return ["reply:none"];
  const backchannel = pack.lists.get("backchannel");
  const first = reply.tokens.findIndex((t) => !isPunctuation(t));
  const opens = first >= 0 && backchannel !== undefined && backchannel.includes(reply.tokens[first]!);
  const size = reply.words <= 2 ? "1-2" : reply.words <= 8 ? "3-8" : "9+";
  return [join("reply:len:", size), ...(opens ? ["reply:backchannel", join("reply:backchannel|len:", size)] : []), ...(reply.question ? ["reply:question"] : [])];
}

function lengthBucket(words: number): string {
  return words <= 2 ? "len:1-2" : words <= 5 ? "len:3-5" : words <= 10 ? "len:6-10" : words <= 20 ? "len:11-20" : "len:21+";
}

function echoBucket(share: number): string {
  return share === 0 ? "echo:none" : join("echo:", shareLevel(share));
}

function startsWithQuestionWord(view: TextView, pack: LanguagePack): boolean {
  for (const start of view.starts) if (pack.questionWords.has(view.tokens[start] ?? "")) return true;
  return false;
}

/**
 * An utterance's evidence (counsellor or client), its `ngrams` made from its tokens when first
 * read: coding looks n-grams up by word (WeightRows) and never reads them.
 */
export class Evidence<R> {
  constructor(
    readonly text: string,
    readonly hits: R[],
    readonly features: string[],
    readonly tokens: readonly string[],
  ) {}

  // Made on the first read and kept: training reads an example's n-grams more than once.
  private grams: string[] | undefined;

  get ngrams(): string[] {
    return (this.grams ??= ngramsOf(this.tokens));
  }
}

/** Unigrams and bigrams over the words and marks, with `<s>` before the first. */
export function ngramsOf(tokens: readonly string[]): string[] {
  const grams = new Set<string>();
  let previous = "<s>";
  for (const word of tokens) {
    if (isPunctuation(word) && word !== "?") continue;
    grams.add(`w:${word}`);
    grams.add(`w:${previous} ${word}`);
    previous = word;
  }
  return [...grams];
}

// Permission lasts: once the client says yes to "May I share some ideas?" (or asks for advice),
// advice in the next few counsellor turns is given with permission. Asking is any hit of a
// rule marked `asks-permission`, whatever the utterance is finally coded.
class PermissionTracker {
  private asked = false;
  private turnsLeft = 0;
  constructor(private readonly pack: LanguagePack) {}

  beforeCounsellorTurn(): boolean {
    return this.turnsLeft > 0;
  }

  wasAsked(): boolean {
    return this.asked;
  }

  /** After a counsellor turn, given its utterances' evidence: whether any rule that held asks permission. */
  afterCounsellorTurn(turn: readonly UtteranceEvidence[]): void {
    if (this.turnsLeft > 0) this.turnsLeft--;
    // Loops, not `flatMap` and `some`: flatMap cost ~2 µs a turn.
    this.asked = false;
    for (const utterance of turn) for (const rule of utterance.hits) if (this.pack.askingPermission.has(rule.id)) this.asked = true;
  }

  /** After the client's turn, given how it answered (clientAnswerOf, asked with wasAsked()). */
  afterClientTurn(answer: ClientAnswer): void {
    if (answer.asksAdvice) {
      this.turnsLeft = this.pack.permissionTurns;
    } else if (this.asked) {
      if (answer.refusal) this.turnsLeft = 0;
      else if (answer.consent) this.turnsLeft = this.pack.permissionTurns;
    }
    this.asked = false;
  }
}
