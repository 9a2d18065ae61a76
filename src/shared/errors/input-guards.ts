import { badInput } from "./app-error.js";

/** Most entries a list argument may hold: beyond it a filter is a mistake or an attack. */
export const maxListLength = 500;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What is wrong with a text a client sent, or null: the one definition of invalid text.
 * PostgreSQL refuses NUL in text, and a lone UTF-16 surrogate has no UTF-8 form, so either would
 * surface as an internal error (or be silently replaced) rather than name the argument.
 */
export function invalidTextProblem(value: string): string | null {
  if (value.includes("\u0000")) return "contains a NUL character";
  if (loneSurrogate.test(value)) return "contains a lone UTF-16 surrogate (not valid Unicode text)";
  return null;
}

/**
 * Text that will reach SQL from outside GraphQL (the CSV export, the import command); GraphQL
 * arguments are all checked before execution by app/text-input.guard.ts with the same rule.
 */
export function checkText(value: string, argument: string): string {
  const problem = invalidTextProblem(value);
  if (problem !== null) throw badInput(argument, `${argument} ${problem}`);
  return value;
}

export function checkList(values: readonly string[], argument: string): readonly string[] {
  if (values.length > maxListLength) {
    throw badInput(argument, `${argument} holds ${values.length} entries; at most ${maxListLength}`);
  }
  values.forEach((value, i) => checkText(value, `${argument}[${i}]`));
  return values;
}

/** Longest text a person may write into a plan's cell: longer is a paste gone wrong, not a plan. */
export const maxEditedTextChars = 5000;

/** Text a person writes into a plan (an edit, a draft's review): trimmed, null when blank. */
export function optionalText(
  value: string | null | undefined,
  argument: string,
  maxChars = maxEditedTextChars,
): string | null {
  const text = checkText(value ?? "", argument).trim();
  if (text.length > maxChars) throw badInput(argument, `${argument} is longer than ${maxChars} characters`);
  return text === "" ? null : text;
}

/** The same, for a field a plan cannot do without (a recommendation's or an action's text). */
export function requiredText(value: string, argument: string, maxChars = maxEditedTextChars): string {
  const text = optionalText(value, argument, maxChars);
  if (text === null) throw badInput(argument, `${argument} cannot be empty`);
  return text;
}
