import { readFileSync } from "node:fs";
import path from "node:path";
import { readCouncilRegister } from "../modules/council/council.register.js";
import type { ImportReport } from "../modules/import/import.service.js";
import type { NewPeerChallenge } from "../modules/import/import.repository.js";
import { builtInPeerGroups } from "../modules/peer-group/peer-group.builtins.js";
import type { ThemeSeed } from "../modules/theme/theme.repository.js";
import { loadTaxonomy } from "../modules/theme/theme.taxonomy.js";
import type { Logger } from "../shared/logger.js";
import type { AppRepositories, AppServices } from "../context.js";

interface PlanManifest {
  plans: {
    file: string;
    council: string;
    recordedOn: string;
    challenge: Omit<NewPeerChallenge, "councilId">;
  }[];
}

interface NamedGroups {
  groups: { slug: string; name: string; description: string; members: string[] }[];
}

export interface SeedSummary {
  councils: number;
  peerGroups: number;
  themes: number;
  plans: ImportReport[];
}

/**
 * Loads everything under seeds/: the council register, peer groups, the theme taxonomy, and the
 * five plans through the importer. Every step converges, so seeding twice changes nothing.
 */
export async function seedDatabase(args: {
  repos: AppRepositories;
  services: AppServices;
  projectRoot: string;
  logger: Logger;
}): Promise<SeedSummary> {
  const { repos, services, logger } = args;
  const seeds = path.join(args.projectRoot, "seeds");
  const read = (...parts: string[]) => readFileSync(path.join(seeds, ...parts), "utf8");

  const councils = readCouncilRegister(read("councils", "uk-local-authorities.csv"));
  await repos.council.upsertMany(councils);
  const idsByGss = new Map(
    (await repos.council.findByGssCodes(councils.map((c) => c.gssCode))).map((c) => [c.gssCode, c.id]),
  );
  const idsOf = (gss: string[]) =>
    gss.map((code) => {
      const id = idsByGss.get(code);
      if (id === undefined) throw new Error(`seeds: ${code} is not a current English council`);
      return id;
    });

  const groups = builtInPeerGroups(councils);
  const named = JSON.parse(read("peer-groups.json")) as NamedGroups;
  for (const g of named.groups) {
    groups.push({
      group: { slug: g.slug, name: g.name, kind: "NAMED", description: g.description },
      members: g.members,
    });
  }
  for (const { group, members } of groups) await repos.peerGroup.replaceGroup(group, idsOf(members));

  const taxonomy = loadTaxonomy(path.join(seeds, "themes"));
  const themes: ThemeSeed[] = taxonomy.components.flatMap((component) => [
    {
      code: component.code,
      level: 1 as const,
      position: component.number,
      name: component.name,
      description: component.description,
      legacyNames: component.legacyNames,
      parentCode: null,
    },
    ...component.subThemes.map((sub, i) => ({
      code: sub.code,
      level: 2 as const,
      position: i + 1,
      name: sub.name,
      description: sub.description,
      legacyNames: [],
      parentCode: component.code,
    })),
  ]);
  await repos.theme.upsertTaxonomy(themes);

  const manifest = JSON.parse(read("plans", "manifest.json")) as PlanManifest;
  const plans: ImportReport[] = [];
  for (const entry of manifest.plans) {
    const { heldOn, ...details } = entry.challenge;
    const { report } = await services.import.importPlan({
      content: readFileSync(path.join(seeds, "plans", entry.file)),
      filename: entry.file,
      councilGss: entry.council,
      challengeHeldOn: heldOn ?? null,
      recordedOn: entry.recordedOn,
      challengeDetails: details,
    });
    logger.info("seeded plan", {
      file: entry.file,
      outcome: report.outcome,
      recommendations: report.recommendations,
      actions: report.actions,
    });
    plans.push(report);
  }
  return { councils: councils.length, peerGroups: groups.length, themes: themes.length, plans };
}

/** Seeds a database that holds no councils yet (`npm start`, the CLI); a seeded one is left as it is. */
export async function seedIfEmpty(args: {
  repos: AppRepositories;
  services: AppServices;
  config: { seedOnStart: boolean; projectRoot: string };
  logger: Logger;
}): Promise<void> {
  const { repos, services, config, logger } = args;
  if (!config.seedOnStart || (await repos.council.countAll()) > 0) return;
  logger.info("empty database: seeding");
  await seedDatabase({ repos, services, projectRoot: config.projectRoot, logger });
}
