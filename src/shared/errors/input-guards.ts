import { badInput } from "./app-error.js";

/** Most entries a list argument may hold: beyond it a filter is a mistake or an attack. */
export const maxListLength = 500;

/**
 * Text a client sends that will reach SQL. PostgreSQL refuses NUL in text, which would surface
 * as an internal error; refusing it here names the argument instead.
 */
export function checkText(value: string, argument: string): string {
  if (value.includes("\u0000")) throw badInput(argument, `${argument} contains a NUL character`);
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
