import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";
import { presentAsImage } from "./rate-scale.js";

export interface ComparisonBar {
  component: string;
  rate: number | null;
  median: number | null;
  /** "rank 1 of 3 · 100th percentile", or "no data". */
  standing: string;
}

/**
 * The council's overdue rate per component (bars, labelled with its rank and percentile) against the
 * group's median (black ticks). The
 * table beside it holds the same figures, with rank and percentile, for screen readers and copying.
 */
export function ComparisonChart({ bars, council }: { bars: ComparisonBar[]; council: string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = Plot.plot({
      width: 640,
      height: 40 + 36 * bars.length,
      marginLeft: 260,
      x: { domain: [0, 1], label: "Overdue rate →", tickFormat: "%", grid: true },
      y: { label: null, domain: bars.map((bar) => bar.component) },
      marks: [
        Plot.barX(
          bars.filter((bar) => bar.rate !== null),
          {
            x: "rate",
            y: "component",
            fill: "#3b6ea5",
            title: (bar: ComparisonBar) => `${council}: ${Math.round((bar.rate ?? 0) * 100)}%`,
          },
        ),
        Plot.tickX(
          bars.filter((bar) => bar.median !== null),
          { x: "median", y: "component", stroke: "#000", strokeWidth: 3 },
        ),
        Plot.text(bars, {
          x: 0,
          y: "component",
          text: "standing",
          textAnchor: "start",
          dx: 6,
          fill: "#fff",
          stroke: "#1d3f66",
          strokeWidth: 3,
          paintOrder: "stroke",
          fontSize: 12,
        }),
        Plot.ruleX([0]),
      ],
    });
    presentAsImage(chart);
    chart.setAttribute("role", "img");
    chart.setAttribute(
      "aria-label",
      `Overdue rate of ${council} per LGA component (bars) against the peer group's median (black ticks)`,
    );
    holder.current?.replaceChildren(chart);
  }, [bars, council]);
  return <div ref={holder} className="chart" />;
}

export interface TrendPoint {
  label: string;
  asOf: string;
  council: number | null;
  median: number | null;
}

/** The council's overdue rate at the end of each quarter against the group's median then. */
export function TrendChart({ points, council }: { points: TrendPoint[]; council: string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const long = points.flatMap((point) => [
      { label: point.label, series: council, rate: point.council },
      { label: point.label, series: "Group median", rate: point.median },
    ]);
    const chart = Plot.plot({
      width: 720,
      height: 280,
      marginBottom: 60,
      x: { domain: points.map((point) => point.label), label: "Financial quarter", tickRotate: -40 },
      y: { domain: [0, 1], tickFormat: "%", label: "↑ Overdue rate", grid: true },
      color: { domain: [council, "Group median"], range: ["#3b6ea5", "#000"], legend: true },
      marks: [
        Plot.line(
          long.filter((d) => d.rate !== null),
          { x: "label", y: "rate", stroke: "series", strokeWidth: 2, z: "series" },
        ),
        Plot.dot(
          long.filter((d) => d.rate !== null),
          { x: "label", y: "rate", fill: "series", symbol: "series" },
        ),
      ],
    });
    presentAsImage(chart);
    chart.setAttribute("role", "img");
    chart.setAttribute("aria-label", `Quarterly overdue rate of ${council} against the peer group's median`);
    holder.current?.replaceChildren(chart);
  }, [points, council]);
  return <div ref={holder} className="chart" />;
}
