import { describe, expect, it } from "vitest";
import { runningService } from "../support/entry-point.js";
import { databaseKind } from "../support/test-database.js";

/**
 * Starts the real entry point exactly as `npm start` does (dist/ is built once for the run by
 * test/support/build-once.ts, then node dist/src/main.js) on an empty database, and talks to it over HTTP.
 */
describe(`the service started as npm start starts it (${databaseKind})`, () => {
  const { entry, post } = runningService();

  it("serves the seeded graph at /graphql", async () => {
    const response = await post(
      JSON.stringify({
        query: `{ councils { totalCount } council(gssCode: "E07000073") { peerChallenges { recommendations { actions { id } } } } }`,
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: {
        councils: { totalCount: number };
        council: { peerChallenges: { recommendations: { actions: unknown[] }[] }[] };
      };
    };
    expect(body.data.councils.totalCount).toBe(332);
    const recs = body.data.council.peerChallenges[0]?.recommendations ?? [];
    expect(recs).toHaveLength(13);
    expect(recs.flatMap((r) => r.actions)).toHaveLength(66);
  });

  it("refuses a 5 MB body with 413 and a coded error", async () => {
    const big = JSON.stringify({
      query: `{ councils { totalCount } }`,
      variables: { pad: "x".repeat(5 * 1024 * 1024) },
    });
    const response = await post(big);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: expect.stringContaining("over the limit") as string,
          extensions: { code: "BAD_REQUEST", reason: "request.body_too_large" },
        },
      ],
    });
  });

  it("answers a malformed JSON body with 400 and a code", async () => {
    const response = await post("{ not json");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: unknown }[] }).errors[0]?.extensions).toEqual({
      code: "BAD_REQUEST",
      reason: "request.bad_json",
    });
  });

  it("answers unknown paths with 404 and a coded JSON error naming the path", async () => {
    const response = await fetch(`${entry().base}/nope`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: "No route /nope; the API is at /graphql",
          extensions: { code: "NOT_FOUND", reason: "request.not_found" },
        },
      ],
    });
  });
});
