/**
 * The remaining layout axes from issue 8 part 3, as choices the renderers draw from: merged
 * recommendation cells, packed cells, status style, header presence, and noise.
 */

/** How a recommendation's cells look on the rows of its second and later actions. */
export const mergeStyles = ["span", "repeat", "blank"] as const;
export type MergeStyle = (typeof mergeStyles)[number];

export const statusStyles = ["words", "colours", "none"] as const;
export type StatusStyle = (typeof statusStyles)[number];

export const noiseKinds = ["blank-lines", "extra-spaces", "trailing-notes"] as const;
export type NoiseKind = (typeof noiseKinds)[number];

/** Separators between an action and its inline fields ("Do X – Lead: Y – by March 2025"). */
export const inlineSeparators = [" – ", " - ", "; ", " | ", ". "] as const;
/** Words in front of an inline deadline when it is not labelled. */
export const inlineDeadlineLeads = ["by", "target", "due"] as const;
