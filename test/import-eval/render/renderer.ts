/** What every format renderer is: a plan and a random stream in, one document out. */

import type { EvalPlan, RenderedDocument } from "../plan.model.js";
import type { Random } from "../random.js";

export type Renderer = (plan: EvalPlan, random: Random) => Promise<RenderedDocument>;

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A file name as councils give them, from the plan's title. */
export function fileName(plan: EvalPlan, extension: string): string {
  const stem = `${plan.council} ${plan.title}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${stem.slice(0, 60)}.${extension}`;
}
