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
