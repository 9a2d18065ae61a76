import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/shared/logger.js";
import { runInRequestContext } from "../../src/shared/request-context.js";

function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: string[] = [];
  const logger = createLogger(level, (line) => lines.push(line));
  return { logger, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), lines };
}

describe("the logger", () => {
  it("writes one JSON line per message with its level, time, message and fields", () => {
    const { logger, lines, records } = capture("info");
    logger.info("seeded plan", { file: "harlow.txt", actions: 66 });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("}\n")).toBe(true);
    expect(records()[0]).toEqual({
      level: "info",
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string,
      message: "seeded plan",
      file: "harlow.txt",
      actions: 66,
    });
  });

  it("drops messages below its level, and everything when silent", () => {
    const info = capture("info");
    info.logger.debug("sql", { sql: "select 1" });
    info.logger.warn("careful");
    expect(info.records().map((r) => r["level"])).toEqual(["warn"]);
    const silent = capture("silent");
    silent.logger.error("nobody hears this");
    expect(silent.lines).toEqual([]);
  });

  it("stamps lines written while a request runs with its id, and only those", async () => {
    const { logger, records } = capture("debug");
    await runInRequestContext({ id: "req-7", statements: 0, operationName: null }, async () => {
      await Promise.resolve();
      logger.error("unexpected error while resolving a request");
    });
    logger.info("outside");
    expect(records().map((r) => [r["message"], r["requestId"]])).toEqual([
      ["unexpected error while resolving a request", "req-7"],
      ["outside", undefined],
    ]);
  });
});
