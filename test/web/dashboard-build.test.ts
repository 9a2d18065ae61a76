import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { promisify } from "node:util";
import { Kind, OperationTypeNode, parse, print, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { readmeQueries } from "../../web/readme-queries.js";

const run = promisify(execFile);

describe("what the pages are built from", () => {
  it("types the dashboard's operations from the emitted schema: the committed types are what codegen writes", async () => {
    // Fails when schema/ or an operation changed without `npm run web:codegen`.
    await expect(run("npx", ["tsx", "web/codegen.ts", "--check"])).resolves.toBeDefined();
  });

  it("opens the explorer with the README's queries, each named after its heading, and no mutation", () => {
    const queries = readmeQueries(readFileSync("README.md", "utf8"));
    expect(queries.length).toBeGreaterThanOrEqual(10);
    expect(queries[0]?.title).toBe("Example queries");
    expect(queries[0]?.query).toMatch(/^query ExampleQueries \{\n {2}council\(gssCode: "E07000068"\)/);
    for (const { query } of queries) expect(query).not.toMatch(/^\s*mutation\b/m);
  });

  it("shows in the README each query the dashboard sends, as it sends it", () => {
    const operationsDir = "web/src/dashboard/api/operations";
    const sent = readdirSync(operationsDir)
      .flatMap((file) => parse(readFileSync(`${operationsDir}/${file}`, "utf8")).definitions)
      .filter(
        (d): d is OperationDefinitionNode =>
          d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.QUERY,
      );
    expect(sent.map((operation) => operation.name?.value).sort()).toEqual([
      "CouncilView",
      "DraftReview",
      "OverdueList",
      "PeerGroupView",
    ]);
    // Compared as syntax trees: the README lays them out more compactly.
    const shown = new Set(readmeQueries(readFileSync("README.md", "utf8")).map(({ query }) => print(parse(query))));
    for (const operation of sent) expect(shown.has(print(operation)), operation.name?.value).toBe(true);
  });

  it("names a heading's second example with a counter and leaves a named operation as it is", () => {
    const markdown = [
      "## 3. Over time",
      "```graphql",
      "{ a }",
      "```",
      "```graphql",
      "{ b }",
      "```",
      "### Writes",
      "```graphql",
      "mutation { c }",
      "```",
      "```graphql",
      "query Named { d }",
      "```",
    ].join("\n");
    expect(readmeQueries(markdown)).toEqual([
      { title: "3. Over time", query: "query OverTime { a }" },
      { title: "3. Over time (2)", query: "query OverTime2 { b }" },
      { title: "Writes", query: "query Named { d }" },
    ]);
  });
});
