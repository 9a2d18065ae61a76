import "reflect-metadata";
import { AppError } from "../shared/errors/app-error.js";
import type { StoredApiKey } from "../modules/identity/api-key.repository.js";
import { cliOperator } from "../modules/identity/identity.js";
import { fail, openCli, parseCommandLine } from "./cli-context.js";

const usage = `Usage:
  npm run keys -- create --role admin|editor|analyst --name "Who holds it" [--council GSS]… [--expires YYYY-MM-DD]
  npm run keys -- list
  npm run keys -- revoke <id or prefix>

API keys for the GraphQL service, sent as Authorization: Bearer <key>. create prints the key once:
only its SHA-256 is stored. An editor's key needs one --council per council it may change.`;

const options = {
  role: { type: "string" },
  name: { type: "string" },
  council: { type: "string", multiple: true },
  expires: { type: "string" },
  help: { type: "boolean", default: false },
} as const;

function describe(key: StoredApiKey, gssById: Map<number, string>): string {
  const state =
    key.revokedAt !== null
      ? `revoked ${key.revokedAt.toISOString()}`
      : key.expiresAt !== null
        ? `expires ${key.expiresAt.toISOString()}`
        : "no expiry";
  const councils = key.councilIds.map((id) => gssById.get(id) ?? String(id)).join(",");
  const used = key.lastUsedAt === null ? "never used" : `last used ${key.lastUsedAt.toISOString()}`;
  return [String(key.id), key.prefix, key.role.toLowerCase(), key.name, councils || "-", state, used].join("\t");
}

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(options, usage);
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  if (!["create", "list", "revoke"].includes(command)) fail(`Unknown command "${command}"\n\n${usage}`);
  const { database, services } = await openCli();
  try {
    const gssById = new Map<number, string>();
    const nameCouncils = async (keys: StoredApiKey[]) => {
      const ids = [...new Set(keys.flatMap((k) => k.councilIds))];
      for (const council of await services.council.listByIds(ids)) gssById.set(council.id, council.gssCode);
    };
    if (command === "create") {
      if (values.role === undefined) fail(`create needs --role\n\n${usage}`);
      if (values.name === undefined) fail(`create needs --name\n\n${usage}`);
      const { token, key } = await services.apiKey.create(
        { role: values.role, name: values.name, councils: values.council ?? [], expiresOn: values.expires ?? null },
        cliOperator,
      );
      await nameCouncils([key]);
      process.stderr.write(`Created key ${key.id} (${key.prefix}…). It is shown this once; store it now:\n`);
      process.stdout.write(`${token}\n`);
      process.stderr.write(`${describe(key, gssById)}\n`);
    } else if (command === "list") {
      const keys = await services.apiKey.list(cliOperator);
      await nameCouncils(keys);
      process.stdout.write(`id\tprefix\trole\tname\tcouncils\tstate\tused\n`);
      for (const key of keys) process.stdout.write(`${describe(key, gssById)}\n`);
    } else {
      const [which] = rest;
      if (which === undefined) fail(`revoke needs the key's id or prefix\n\n${usage}`);
      const key = await services.apiKey.revoke(which, cliOperator);
      await nameCouncils([key]);
      process.stdout.write(`${describe(key, gssById)}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const where = typeof error.details.argument === "string" ? ` (${error.details.argument})` : "";
    process.stderr.write(`${error.reason}${where}: ${error.message}\n`);
    return 2;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
