import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";

/**
 * Overdue rate 0–1 on cividis, which reads the same to people with any common colour-vision
 * deficiency and in greyscale; every cell also prints its figures, so colour is never the only cue.
 */
const scaleOptions = { type: "linear", scheme: "cividis", domain: [0, 1] } as const;
const scale = Plot.scale({ color: scaleOptions });

export function rateColour(rate: number): string {
  return String(scale.apply(rate));
}

/** Black or white text, whichever contrasts more with the cell's colour (WCAG relative luminance). */
export function textColourOn(background: string): string {
  const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map((channel) => {
    const c = Number(channel) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? "#000" : "#fff";
}

/**
 * A chart is one image with one label to assistive technology: Plot labels its marks' groups too,
 * and ARIA forbids labels inside an image, so they go.
 */
export function presentAsImage(chart: Element): void {
  for (const labelled of chart.querySelectorAll("[aria-label], [aria-description]")) {
    labelled.removeAttribute("aria-label");
    labelled.removeAttribute("aria-description");
  }
}

export function RateLegend() {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const legend = Plot.legend({
      color: { ...scaleOptions, label: "Overdue rate (overdue ÷ with a deadline)" },
      tickFormat: "%",
    });
    presentAsImage(legend);
    legend.setAttribute("role", "img");
    legend.setAttribute("aria-label", "Colour scale: overdue rate from 0% (dark blue) to 100% (yellow)");
    holder.current?.replaceChildren(legend);
  }, []);
  return (
    <figure className="legend">
      <div ref={holder} />
      <figcaption>
        <span className="swatch no-data" aria-hidden="true" /> no data: no action with a deadline there
      </figcaption>
    </figure>
  );
}
