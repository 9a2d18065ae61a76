import { pino, stdTimeFunctions, type DestinationStream } from "pino";
import type { LogLevel } from "../config.js";
import { currentRequest } from "./request-context.js";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * JSON lines on stderr (pino), so stdout stays free for command output (`import --json`). Lines
 * written while a request runs carry its `requestId`, so an error can be found from the access log.
 */
export function createLogger(level: LogLevel, write: (line: string) => void = defaultWrite()): Logger {
  const destination: DestinationStream = { write };
  const log = pino(
    {
      level,
      base: null,
      messageKey: "message",
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const request = currentRequest();
        return request ? { requestId: request.id } : {};
      },
    },
    destination,
  );
  return {
    debug: (message, fields) => log.debug(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
  };
}

function defaultWrite(): (line: string) => void {
  // Synchronous: the last lines before process.exit (a failed start, the shutdown) must not be lost.
  const stderr = pino.destination({ dest: 2, sync: true });
  return (line) => stderr.write(line);
}
