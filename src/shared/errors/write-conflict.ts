import { AppError, sharedErrorCodes } from "./app-error.js";

/** A write that stated a version older than the one held: changes nothing, and says how to recover. */
export function writeConflict(what: string, expectedVersion: number, argument = "input.expectedVersion"): AppError {
  return new AppError(
    sharedErrorCodes.writeConflict,
    `The ${what} has changed since version ${expectedVersion} was read: read it again and restate your change`,
    { argument },
  );
}
