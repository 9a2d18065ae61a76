/**
 * The evaluation corpus: the seed plans and seeded synthetic plans, each rendered in every format
 * a few times with fresh layout draws, and each document read and scored.
 */

import { readPlanDocument } from "../../src/modules/import/reader/plan.reader.js";
import type { EvalPlan, RenderedDocument } from "./plan.model.js";
import { createRandom } from "./random.js";
import { formatNames, renderers, type FormatName } from "./render/formats.js";
import { scoreDocument, type DocumentScore } from "./score.js";
import { seedPlans } from "./seed-plans.js";
import { syntheticPlan } from "./synthetic.js";

export interface CorpusOptions {
  seed: number;
  /** Synthetic plans, on top of the five seed plans. */
  synthetic: number;
  /** Renderings of each plan in each format. */
  samples: number;
  formats?: readonly FormatName[];
}

export function corpusPlans(options: Pick<CorpusOptions, "seed" | "synthetic">): EvalPlan[] {
  const random = createRandom(options.seed);
  return [...seedPlans(), ...Array.from({ length: options.synthetic }, () => syntheticPlan(random.int(0, 2 ** 31)))];
}

export interface ScoredDocument {
  format: FormatName;
  origin: string;
  filename: string;
  traits: string[];
  score: DocumentScore;
}

/** Renders one plan in one format; the stream is keyed by seed, format, plan and sample so each is reproducible alone. */
export async function render(
  format: FormatName,
  plan: EvalPlan,
  seed: number,
  sample: number,
): Promise<RenderedDocument> {
  return renderers[format](plan, createRandom(seed).fork(`${format}|${plan.origin}|${sample}`));
}

export async function readAndScore(document: RenderedDocument): Promise<DocumentScore> {
  try {
    const read = await readPlanDocument(document.bytes, { filename: document.filename });
    return scoreDocument(document.expected, read);
  } catch (error) {
    const reason = (error as { reason?: unknown }).reason;
    return scoreDocument(document.expected, null, typeof reason === "string" ? reason : String(error));
  }
}

export async function* scoreCorpus(options: CorpusOptions): AsyncGenerator<ScoredDocument> {
  const plans = corpusPlans(options);
  for (const format of options.formats ?? formatNames)
    for (const plan of plans)
      for (let sample = 0; sample < options.samples; sample += 1) {
        const document = await render(format, plan, options.seed, sample);
        yield {
          format,
          origin: plan.origin,
          filename: document.filename,
          traits: document.traits,
          score: await readAndScore(document),
        };
      }
}
