/** Who owns an action, as plans print it: job titles, teams, named people, and several of them. */

export const jobTitles = [
  "Chief Executive",
  "Director of Resources",
  "Director of Place",
  "Strategic Director, Communities",
  "Assistant Director – Finance",
  "Head of Democratic Services",
  "Monitoring Officer",
  "Section 151 Officer",
  "Head of HR and Organisational Development",
  "Corporate Director of Adults and Health",
  "Head of Policy and Performance",
  "Leader of the Council",
  "Cabinet Member for Finance",
  "Head of Communications",
  "Director of Housing and Regeneration",
] as const;

export const teamNames = [
  "Corporate Leadership Team",
  "Policy and Performance Team",
  "Democratic Services",
  "Finance Team",
  "HR & OD",
  "Communications Team",
  "Programme Management Office",
  "Economic Development Team",
] as const;

export const firstNames = [
  "Sarah",
  "James",
  "Priya",
  "Tom",
  "Aisha",
  "David",
  "Helen",
  "Marcus",
  "Claire",
  "Rob",
] as const;
export const surnames = [
  "Whitfield",
  "Okafor",
  "Patel",
  "Hughes",
  "Morgan",
  "Clarke",
  "Lewis",
  "Begum",
  "Fraser",
  "Holt",
] as const;

/** How two or more owners are joined in one cell. */
export const leadJoiners = [" & ", " and ", " / ", ", "] as const;
