import "reflect-metadata";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { createSchema } from "../app/app.js";

const target = path.join(process.cwd(), "schema", "schema.graphql");
writeFileSync(target, `${printSchema(lexicographicSortSchema(await createSchema()))}\n`);
process.stdout.write(`Wrote ${target}\n`);
