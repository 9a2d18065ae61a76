import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { codegen } from "@graphql-codegen/core";
import * as typescriptOperationsPlugin from "@graphql-codegen/typescript-operations";
import { Kind, parse } from "graphql";

/**
 * Types the dashboard's operations (web/src/dashboard/api/operations/*.graphql) against the emitted
 * schema, so that tsc checks every field the pages read, and pairs each operation's text with its
 * result and variables types. `--check` fails when the committed file is not what this would write.
 */
const webRoot = import.meta.dirname;
const projectRoot = path.resolve(webRoot, "..");
const operationsDir = path.join(webRoot, "src", "dashboard", "api", "operations");
const outFile = path.join(webRoot, "src", "dashboard", "api", "generated.ts");

const files = readdirSync(operationsDir)
  .filter((name) => name.endsWith(".graphql"))
  .sort();
const documents = files.map((name) => {
  const location = path.join(operationsDir, name);
  return { location, text: readFileSync(location, "utf8"), document: parse(readFileSync(location, "utf8")) };
});
const types = await codegen({
  schema: parse(readFileSync(path.join(projectRoot, "schema", "schema.graphql"), "utf8")),
  documents: documents.map(({ location, document }) => ({ location, document })),
  filename: outFile,
  plugins: [{ typescriptOperations: {} }],
  pluginMap: { typescriptOperations: typescriptOperationsPlugin },
  config: {
    scalars: { LocalDate: "string", JSON: "unknown", Upload: "never" },
    enumsAsTypes: true,
    onlyOperationTypes: true,
    avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
    skipTypename: true,
  },
});
const operations = documents.flatMap(({ text, document }) =>
  document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION && definition.name
      ? // One operation per request: its own text, as written, so that no operationName is needed.
        [
          {
            name: definition.name.value,
            kind: definition.operation,
            text: text.slice(definition.loc?.start, definition.loc?.end),
          },
        ]
      : [],
  ),
);
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const typed = operations.map(({ name, kind, text }) => {
  const result = `${name}${capital(kind)}`;
  return `export const ${name}: Operation<${result}, ${result}Variables> = ${JSON.stringify(text)} as Operation<${result}, ${result}Variables>;`;
});
const output = [
  "// Written by `npm run web:codegen` from schema/schema.graphql and api/operations/*.graphql: do not edit.",
  "/* eslint-disable */",
  types,
  "/** An operation's text, carrying its result and variables types. */",
  "export type Operation<Result, Variables> = string & { readonly __result?: Result; readonly __variables?: Variables };",
  ...typed,
  "",
].join("\n");

if (process.argv.includes("--check")) {
  if (readFileSync(outFile, "utf8") !== output) {
    process.stderr.write(`${path.relative(projectRoot, outFile)} is out of date: run npm run web:codegen\n`);
    process.exit(1);
  }
} else {
  writeFileSync(outFile, output);
}
