import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", ".data/", "drizzle/meta/", "scratch/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "no-console": "error",
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports (config files excepted)." },
      ],
    },
  },
  {
    // Modules are composed by app/, never the other way round: arrows run app → modules → shared.
    files: ["src/modules/**/*.ts", "src/shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/app/*"],
              message: "src/modules and src/shared must not import src/app (the composition root).",
            },
          ],
        },
      ],
    },
  },
  {
    // The evaluation must not be tunable to the reader: its generator writes its own traits and
    // reaches the reader only through its entry point (issue 8, part 4).
    files: ["test/import-eval/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/modules/import/parsers/*", "**/modules/import/normalise/*", "**/modules/import/document/*"],
              message: "The import evaluation may not use the reader's rules: only reader/plan.reader.js and types.",
            },
            {
              group: ["**/modules/import/reader/*", "!**/modules/import/reader/plan.reader.js"],
              message: "The import evaluation reaches the reader only through readPlanDocument.",
            },
          ],
        },
      ],
    },
  },
  { files: ["*.config.ts", "*.config.js", "web/*.config.ts"], rules: { "no-restricted-syntax": "off" } },
  { files: ["eslint.config.js", "bin/*.js"], ...tseslint.configs.disableTypeChecked },
);
