import { checkText } from "../../shared/errors/input-guards.js";
import { themeNotFound } from "./theme.errors.js";
import type { ThemeRepository } from "./theme.repository.js";
import type { ThemeRow } from "./theme.table.js";

export class ThemeService {
  constructor(private readonly themes: ThemeRepository) {}

  async components(): Promise<ThemeRow[]> {
    return (await this.themes.findAll()).filter((t) => t.level === 1);
  }

  async requireByCode(code: string, argument: string): Promise<ThemeRow> {
    const theme = await this.themes.findByCode(checkText(code, argument));
    if (!theme) throw themeNotFound(code, argument);
    return theme;
  }

  /**
   * Theme codes to the ids recommendations are linked to: a component stands for all its
   * sub-themes. Fails on the first unknown code, naming its position in the list.
   */
  async resolveCodes(codes: readonly string[], argument: string): Promise<number[]> {
    const all = await this.themes.findAll();
    const byCode = new Map(all.map((t) => [t.code, t]));
    const ids = new Set<number>();
    codes.forEach((code, i) => {
      const theme = byCode.get(code);
      if (!theme) throw themeNotFound(code, argument.replace(/\[\]$/, `[${i}]`));
      ids.add(theme.id);
      for (const child of all) if (child.parentId === theme.id) ids.add(child.id);
    });
    return [...ids];
  }
}
