/**
 * Documents that hold no action plan, generated so the reader can be checked to refuse them
 * (import.no_plan_found) rather than invent recommendations: a council news page, a corporate
 * plan's prose, a README, and a page listing the peer team.
 */

import type { Random } from "./random.js";
import { escapeHtml } from "./render/html-blocks.js";
import { councilNames, cookieBanners, footerLines, navigationItems, peerTeamMembers } from "./traits/furniture.js";

export const nonPlanKinds = ["news-page", "corporate-plan", "readme", "peer-team-list"] as const;
export type NonPlanKind = (typeof nonPlanKinds)[number];

const newsStories = [
  "Residents are invited to have their say on proposals for a new leisure centre in the town centre. The consultation runs until the end of the month and drop-in sessions will be held at the library.",
  "The council has been shortlisted for a national award for its work with young people leaving care.",
  "Work to resurface the high street will begin next week. Diversions will be signed and bus stops will move temporarily.",
  "Garden waste collections will restart in March. Subscriptions can be renewed online.",
  "The Mayor welcomed volunteers to a celebration of community groups at the town hall.",
];

const corporatePlanProse = [
  "Our vision is for a borough where everyone can live well, work well and age well.",
  "Over the next four years we will focus on three priorities: thriving places, healthy communities and a modern, efficient council.",
  "We know that the financial climate remains challenging, and we will continue to make difficult choices to protect the services residents value most.",
  "We will work with our partners in health, the police and the voluntary sector to make the most of every pound spent in the borough.",
  "This plan sets the direction for the council; each service sets out in its own service plan how it will contribute.",
  "We will measure our progress through a small set of indicators reported publicly each year.",
];

const readmeSections = [
  ["Installation", ["Clone the repository.", "Run `npm install`.", "Copy `.env.example` to `.env`."]],
  ["Usage", ["Start the server with `npm start`.", "Open http://localhost:3000 in a browser."]],
  ["Contributing", ["Fork the project.", "Create a branch for your change.", "Open a pull request with tests."]],
  ["Licence", ["MIT"]],
] as const;

export function nonPlanDocument(kind: NonPlanKind, random: Random): { bytes: Uint8Array; filename: string } {
  const council = random.pick(councilNames);
  const encode = (text: string) => new TextEncoder().encode(text);
  const nav = `<nav><ul>${random
    .shuffle(navigationItems)
    .slice(0, 6)
    .map((i) => `<li><a href="#">${escapeHtml(i)}</a></li>`)
    .join("")}</ul></nav>`;
  const footer = `<footer>${footerLines.map((l) => `<p>${escapeHtml(l.replace("{council}", council))}</p>`).join("")}</footer>`;
  const htmlPage = (title: string, body: string) =>
    encode(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><a href="#main">Skip to main content</a><div class="cookie">${escapeHtml(random.pick(cookieBanners)[0])}</div>${nav}<main id="main"><h1>${escapeHtml(title)}</h1>${body}</main>${footer}</body></html>`,
    );
  switch (kind) {
    case "news-page": {
      const stories = random.shuffle(newsStories).slice(0, random.int(2, 5));
      const body = stories
        .map(
          (s, i) =>
            `<article><h2>News ${i + 1}</h2><p class="date">${random.int(1, 28)} May 2025</p><p>${escapeHtml(s)}</p></article>`,
        )
        .join("");
      return { bytes: htmlPage(`${council} – Latest news`, body), filename: "news.html" };
    }
    case "corporate-plan": {
      const paragraphs = random.shuffle(corporatePlanProse).slice(0, random.int(3, 6));
      const text = [
        `${council} Corporate Plan 2024–2028`,
        "",
        "Foreword from the Leader",
        "",
        ...paragraphs.flatMap((p) => [p, ""]),
      ].join("\n");
      return { bytes: encode(text), filename: "corporate-plan.txt" };
    }
    case "readme": {
      const sections = random.shuffle(readmeSections).slice(0, random.int(2, 4));
      const text = [
        "# council-website",
        "",
        "The source of the council's public website.",
        "",
        ...sections.flatMap(([heading, items]) => [
          `## ${heading}`,
          "",
          ...items.map((i, n) => (random.chance(0.5) ? `${n + 1}. ${i}` : `- ${i}`)),
          "",
        ]),
      ].join("\n");
      return { bytes: encode(text), filename: "README.md" };
    }
    case "peer-team-list": {
      const members = random.shuffle(peerTeamMembers).slice(0, random.int(4, 6));
      const intro = `<p>The peer team that visited ${escapeHtml(council)} was made up of:</p>`;
      const body = random.chance(0.5)
        ? `${intro}<ul>${members.map((m) => `<li>${escapeHtml(m)}</li>`).join("")}</ul>`
        : `${intro}<table><tr><th>Name</th><th>Role</th></tr>${members
            .map((m) => m.split(" – "))
            .map(([name, role]) => `<tr><td>${escapeHtml(name ?? "")}</td><td>${escapeHtml(role ?? "")}</td></tr>`)
            .join("")}</table>`;
      return { bytes: htmlPage("The peer team", body), filename: "peer-team.html" };
    }
  }
}
