import DataLoader from "dataloader";
import { manyByKey, oneByKey } from "../../shared/graphql/loader-helpers.js";
import type { PeerGroupRepository } from "../peer-group/peer-group.repository.js";
import type { PeerGroupRow } from "../peer-group/peer-group.table.js";
import type { ComparisonRowValues, CouncilFreshness } from "./benchmark.model.js";
import type { BenchmarkRepository } from "./benchmark.repository.js";

/**
 * Per-request loaders for the council-level benchmark fields, so that a list of councils asking
 * for freshness or a comparison costs one statement per (day, peer group), not one per council.
 */
export function createBenchmarkLoaders(benchmarks: BenchmarkRepository, peerGroups: PeerGroupRepository) {
  const freshnessOn = new Map<string, DataLoader<number, CouncilFreshness | null>>();
  const comparisonOn = new Map<string, DataLoader<number, ComparisonRowValues[]>>();
  return {
    /** Usually one slug per request; cached so that many councils compared against it look it up once. */
    peerGroupBySlug: new DataLoader<string, PeerGroupRow | null>(async (slugs) =>
      Promise.all(slugs.map(async (slug) => (await peerGroups.findBySlug(slug)) ?? null)),
    ),
    freshness(asOf: string): DataLoader<number, CouncilFreshness | null> {
      let loader = freshnessOn.get(asOf);
      if (!loader) {
        loader = new DataLoader(async (ids) =>
          oneByKey(ids, await benchmarks.freshness(ids, asOf), (r) => r.councilId),
        );
        freshnessOn.set(asOf, loader);
      }
      return loader;
    },
    comparison(peerGroupId: number, asOf: string): DataLoader<number, ComparisonRowValues[]> {
      const key = `${peerGroupId}@${asOf}`;
      let loader = comparisonOn.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) =>
          manyByKey(ids, await benchmarks.comparison(ids, peerGroupId, asOf), (r) => r.councilId),
        );
        comparisonOn.set(key, loader);
      }
      return loader;
    },
  };
}

export type BenchmarkLoaders = ReturnType<typeof createBenchmarkLoaders>;
