import { badInput } from "../errors/app-error.js";
import { checkText } from "../errors/input-guards.js";

const maxSearchLength = 200;

/** A `search` argument trimmed and bounded; undefined when blank, so that blank never filters. */
export function checkSearch(search: string | null | undefined, argument: string): string | undefined {
  if (search == null) return undefined;
  const trimmed = checkText(search, argument).trim();
  if (trimmed.length > maxSearchLength) {
    throw badInput(argument, `${argument} is ${trimmed.length} characters long; at most ${maxSearchLength}`);
  }
  return trimmed.length ? trimmed : undefined;
}
