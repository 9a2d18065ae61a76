/**
 * How plans number their recommendations and actions, written from issue 8's list ("numbering
 * present, absent or in any style") and from how published plans print it, not from any reader.
 */

/** A recommendation's label for its 1-based position; null prints no number at all. */
export const recommendationNumberings = {
  none: null,
  plain: (n: number) => `${n}`,
  dotted: (n: number) => `${n}.`,
  r: (n: number) => `R${n}`,
  rColon: (n: number) => `R${n}:`,
  rec: (n: number) => `Rec ${n}`,
  recommendation: (n: number) => `Recommendation ${n}`,
  bracket: (n: number) => `(${n})`,
} as const satisfies Record<string, ((n: number) => string) | null>;
export type RecommendationNumbering = keyof typeof recommendationNumberings;

/** An action's label from its recommendation's and its own 1-based positions. */
export const actionNumberings = {
  none: null,
  decimal: (rec: number, n: number) => `${rec}.${n}`,
  letter: (_rec: number, n: number) => `${String.fromCharCode(96 + n)})`,
  plain: (_rec: number, n: number) => `${n}.`,
  a: (rec: number, n: number) => `A${rec}.${n}`,
} as const satisfies Record<string, ((rec: number, n: number) => string) | null>;
export type ActionNumbering = keyof typeof actionNumberings;

/** Bullet characters seen in copied and exported plans. */
export const bulletMarks = ["•", "-", "*", "–", "o", "▪"] as const;
