/**
 * Text around a plan that is not part of it: site chrome, legal notices, the peer team, a colour
 * key, boilerplate. Written from issue 8's list of what real pages carry.
 */

export const furnitureKinds = [
  "skip-link",
  "navigation",
  "cookie-banner",
  "breadcrumbs",
  "boilerplate",
  "peer-team",
  "footer",
  "page-updated",
] as const;
export type FurnitureKind = (typeof furnitureKinds)[number];

/** Furniture that belongs at the top of a page, and at the bottom. */
export const furnitureBefore: readonly FurnitureKind[] = [
  "skip-link",
  "navigation",
  "cookie-banner",
  "breadcrumbs",
  "boilerplate",
  "peer-team",
];
export const furnitureAfter: readonly FurnitureKind[] = ["peer-team", "boilerplate", "footer", "page-updated"];

export const skipLinks = ["Skip to main content", "Skip to content", "Jump to navigation"] as const;

export const navigationItems = [
  "Home",
  "Bins and recycling",
  "Council tax",
  "Planning and building control",
  "Housing",
  "Council and democracy",
  "Jobs and careers",
  "Contact us",
  "Report it",
  "Pay for it",
] as const;

export const cookieBanners = [
  [
    "Cookies on this website",
    "We use some essential cookies to make this website work. We'd like to set additional cookies to understand how you use the site and improve our services.",
    "Accept additional cookies",
    "Reject additional cookies",
    "View cookies",
  ],
  [
    "We use cookies to give you the best experience on our website. You can change your cookie settings at any time.",
    "Accept all",
    "Cookie settings",
  ],
] as const;

export const breadcrumbTrails = [
  ["Home", "Council and democracy", "Performance and spending", "Corporate peer challenge"],
  ["Home", "About the council", "Plans and strategies", "LGA peer review"],
] as const;

/** {council} is replaced with the council's name. */
export const boilerplateParagraphs = [
  "The Local Government Association's Corporate Peer Challenge team visited {council} over four days and spoke to more than one hundred people, including councillors, staff and partners.",
  "This document sets out how {council} will respond to the findings of the peer team. It will be monitored by the Corporate Leadership Team and reported to Cabinet.",
  "Corporate Peer Challenge is a core part of the sector-led improvement offer. The peer team's full feedback report is published alongside this page.",
  "If you need this document in another format, such as large print or an accessible version, please contact us.",
  "Progress against this plan will be reviewed by the peer team around ten months after their visit.",
] as const;

export const peerTeamHeadings = ["The peer team", "Peer team members", "Members of the peer challenge team"] as const;
export const peerTeamMembers = [
  "Cllr Janet Ashworth – Leader, Northby Borough Council",
  "Mark Fennell – Chief Executive, Westmoor District Council",
  "Cllr Ravi Shah – Deputy Leader, Eastford City Council",
  "Lucy Carmichael – Director of Finance, Southvale County Council",
  "Dr Owen Price – Assistant Director, Digital and Transformation",
  "Ellen Brooks – Peer Challenge Manager, Local Government Association",
] as const;

export const footerLines = [
  "© {council} 2025",
  "Accessibility statement | Privacy notice | Cookies | Terms and conditions",
  "Follow us on social media",
  "Contact us: 01234 567890",
] as const;

export const pageUpdatedLines = [
  "Page last updated: 14 March 2025",
  "Last reviewed 2 October 2024",
  "Published 1 July 2024",
] as const;

/** Closing remarks pasted after a plan (noise, not plan content). */
export const trailingNotes = [
  "Notes: This plan will be refreshed after the progress review and brought back to Cabinet.",
  "Please note the dates above are indicative and may change as work is scoped.",
  "End of document.",
] as const;

export const councilNames = [
  "Northbridge District Council",
  "Kingsford Borough Council",
  "Ashworth City Council",
  "Wealdmere District Council",
  "Harbourside Council",
  "Thornleigh Borough Council",
] as const;

export const planTitles = [
  "Corporate Peer Challenge – Action Plan",
  "LGA Corporate Peer Challenge: our response",
  "Peer Challenge Action Plan {year}",
  "Corporate Peer Review – Recommendations and Actions",
  "Action plan in response to the LGA Corporate Peer Challenge",
] as const;
