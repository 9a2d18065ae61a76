declare module "virtual:readme-queries" {
  /** The README's example queries, titled by their headings (web/readme-queries.ts). */
  export const readmeQueries: { title: string; query: string }[];
}
