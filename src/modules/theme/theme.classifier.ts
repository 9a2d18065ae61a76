import { containsStems, stemsOf } from "./theme.stems.js";
import type { ThemeFieldWeights, ThemeOverride, ThemeOverrides, ThemeRules } from "./theme.taxonomy.js";

/**
 * The theme classifier: a pure function of a rule set (seeds/themes/rules.json, loaded by
 * `loadRules`) and a recommendation's text. The scoring is deliberately simple enough to explain
 * from `matched` alone; rules.json's "about" field is the reference description of it.
 */

export type ThemeLinkSource = "RULE" | "HAND";

export interface ThemeLink {
  subThemeCode: string;
  componentCode: string;
  /** In (0, 1]: 1 - exp(-score / confidenceScale) for rule links, 1 for hand links. */
  confidence: number;
  source: ThemeLinkSource;
  /**
   * The evidence, so that every link can be explained: `field:pattern` for a rule pattern,
   * `field:~term` for a vocabulary term; empty for hand links.
   */
  matched: string[];
}

export interface ClassifierInput {
  text: string;
  title?: string | null;
  themeLabel?: string | null;
  actions?: string[];
}

export interface RecommendationKey {
  councilGss: string;
  reference: string;
}

type Field = keyof ThemeFieldWeights;

interface CompiledPattern {
  source: string;
  weight: number;
  regExp: RegExp;
}

interface CompiledSubTheme {
  subThemeCode: string;
  componentCode: string;
  patterns: CompiledPattern[];
}

// Compiling ~150 expressions per call would dominate an import; the cache is keyed by the rules
// object itself, so the classifier stays a pure function of its arguments.
const compiledCache = new WeakMap<ThemeRules, CompiledSubTheme[]>();

function compile(rules: ThemeRules): CompiledSubTheme[] {
  const cached = compiledCache.get(rules);
  if (cached !== undefined) return cached;
  const compiled = rules.subThemes.map((sub) => ({
    subThemeCode: sub.subThemeCode,
    componentCode: sub.componentCode,
    patterns: sub.patterns.map((p) => ({
      source: p.pattern,
      weight: p.weight,
      // Letter/digit look-arounds rather than \b, which knows only ASCII word characters.
      regExp: new RegExp(`(?<![\\p{L}\\p{N}])(?:${p.pattern})(?![\\p{L}\\p{N}])`, "iu"),
    })),
  }));
  compiledCache.set(rules, compiled);
  return compiled;
}

/** The score → confidence mapping documented in rules.json: 1 - exp(-score / scale). */
export function confidenceFromScore(score: number, rules: ThemeRules): number {
  return roundConfidence(1 - Math.exp(-score / rules.confidenceScale));
}

function roundConfidence(value: number): number {
  // Three decimals keep stored confidences stable across platforms' floating-point output.
  return Math.max(0.001, Math.min(1, Math.round(value * 1000) / 1000));
}

function fieldsOf(input: ClassifierInput): { field: Field; text: string }[] {
  const fields: { field: Field; text: string }[] = [];
  if (input.title != null && input.title.trim() !== "") fields.push({ field: "title", text: input.title });
  if (input.themeLabel != null && input.themeLabel.trim() !== "")
    fields.push({ field: "themeLabel", text: input.themeLabel });
  fields.push({ field: "text", text: input.text });
  const actions = (input.actions ?? []).filter((a) => a.trim() !== "");
  if (actions.length > 0) fields.push({ field: "actions", text: actions.join("\n") });
  return fields;
}

interface Scored {
  subThemeCode: string;
  componentCode: string;
  score: number;
  matched: string[];
  order: number;
}

/**
 * Every sub-theme's score for one recommendation, best first; exported for diagnostics and tests.
 * With `withVocabulary`, vocabulary terms found in the fields' word stems add to the patterns' score.
 */
export function scoreRecommendation(input: ClassifierInput, rules: ThemeRules, withVocabulary = false): Scored[] {
  const fields = fieldsOf(input);
  const stemmed = withVocabulary ? fields.map(({ field, text }) => ({ field, stems: stemsOf(text) })) : [];
  const scored = compile(rules).map((sub, order) => {
    let score = 0;
    const matched: string[] = [];
    // A pattern or term counts once, at its strongest field, so a long action list that repeats
    // a word cannot outvote the recommendation's own wording.
    const strongest = (found: (i: number) => boolean): { field: Field; weight: number } | null => {
      let best: { field: Field; weight: number } | null = null;
      fields.forEach(({ field }, i) => {
        const weight = rules.fieldWeights[field];
        if (weight > 0 && (best === null || weight > best.weight) && found(i)) best = { field, weight };
      });
      return best;
    };
    for (const pattern of sub.patterns) {
      const best = strongest((i) => pattern.regExp.test(fields[i]?.text ?? ""));
      if (best !== null) {
        score += pattern.weight * best.weight;
        matched.push(`${best.field}:${pattern.source}`);
      }
    }
    for (const term of withVocabulary ? (rules.vocabulary.get(sub.subThemeCode) ?? []) : []) {
      const best = strongest((i) => containsStems(stemmed[i]?.stems ?? [], term.stems));
      if (best !== null) {
        score += term.weight * best.weight;
        matched.push(`${best.field}:~${term.term}`);
      }
    }
    return { subThemeCode: sub.subThemeCode, componentCode: sub.componentCode, score, matched, order };
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order);
}

/**
 * Classifies one recommendation into sub-themes: at most `rules.maxLinks` links, best first, or
 * none at all when the evidence is too thin (abstaining). The rule patterns decide alone when one
 * sub-theme reaches `minScore` on them; otherwise the vocabulary's terms join the evidence and only
 * the best sub-theme is linked. A best link under `abstainBelow` confidence is dropped: no link.
 */
export function classifyRecommendation(input: ClassifierInput, rules: ThemeRules): ThemeLink[] {
  let scored = scoreRecommendation(input, rules);
  if ((scored[0]?.score ?? 0) < rules.minScore) scored = scoreRecommendation(input, rules, true);
  const top = scored[0];
  if (top === undefined || top.score <= 0 || confidenceFromScore(top.score, rules) < rules.abstainBelow) return [];
  const toLink = (s: Scored): ThemeLink => ({
    subThemeCode: s.subThemeCode,
    componentCode: s.componentCode,
    confidence: confidenceFromScore(s.score, rules),
    source: "RULE",
    matched: s.matched,
  });
  // Thin evidence names one sub-theme at most: the runners-up of a weak match are mostly noise.
  if (top.score < rules.minScore || top.matched.some(isVocabulary)) return [toLink(top)];
  const floor = Math.max(rules.minScore, rules.relativeFloor * top.score);
  return scored
    .filter((s) => s.score >= floor)
    .slice(0, rules.maxLinks)
    .map(toLink);
}

function isVocabulary(evidence: string): boolean {
  return evidence.includes(":~");
}

/** The hand override naming this recommendation, if any. */
export function findOverride(key: RecommendationKey, overrides: ThemeOverrides): ThemeOverride | undefined {
  return overrides.overrides.find((o) => o.council === key.councilGss && o.reference === key.reference);
}

/**
 * Replaces the rule links of a recommendation the override file names with its hand links
 * (source HAND, confidence 1, in the file's order); other recommendations keep their rule links.
 * Hand links replace rather than merge, because an override exists precisely where the rules were wrong.
 */
export function applyOverrides(key: RecommendationKey, links: ThemeLink[], overrides: ThemeOverrides): ThemeLink[] {
  const override = findOverride(key, overrides);
  if (override === undefined) return links;
  return override.subThemes.map(({ subThemeCode, componentCode }) => ({
    subThemeCode,
    componentCode,
    confidence: 1,
    source: "HAND",
    matched: [],
  }));
}
