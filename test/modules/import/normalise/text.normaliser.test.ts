import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, htmlCellToText, textBefore } from "../../../../src/modules/import/normalise/text.normaliser.js";

describe("cleanText", () => {
  it("turns NBSPs, zero-width characters and tabs into single spaces and trims", () => {
    expect(cleanText("\u00a0Oct\u00a024\t\u200b Review\u200b\n\nplan  ")).toBe("Oct 24 Review plan");
  });

  it("keeps curly quotes and en dashes as printed", () => {
    expect(cleanText("the Borough’s “vision” – 2025")).toBe("the Borough’s “vision” – 2025");
  });

  it("is idempotent and leaves no leading, trailing or doubled whitespace", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const once = cleanText(s);
        expect(cleanText(once)).toBe(once);
        expect(once).not.toMatch(/^\s|\s$|\s\s|[\t\u00a0\u200b]/);
      }),
    );
  });
});

describe("htmlCellToText", () => {
  it("turns Chelmsford's scrutiny cell into paragraphs and bullet lines", () => {
    const rows = readFileSync(new URL("../../../../seeds/plans/chelmsford.txt", import.meta.url), "utf8").split("\n");
    const row = rows.find((line) => line.startsWith("Scrutiny Effectiveness\t"));
    const cell = row?.split("\t")[3];
    expect(cell).toBeDefined();
    expect(htmlCellToText(cell ?? "")).toBe(
      [
        "To complete a full review of overview and scrutiny arrangements to equip scrutiny/opposition members in fully engaging in scrutiny activities, including:",
        "• Training and development of Chair and Vice Chair",
        "• Training for all committee members",
        "• Consideration of more active pre scrutiny activity",
        "• Review of call in arrangements",
        "This will result in better understanding of the role of overview & scrutiny, more appropriate challenge of decisions and effective understanding and pre-scrutiny of specific proposals.",
      ].join("\n"),
    );
  });

  it("splits Chelmsford's timescale cell into its paragraphs", () => {
    expect(
      htmlCellToText(
        "<p>Ongoing - Member briefings to continue where appropriate issue arises.</p> <p>New member intranet site – date TBC</p> <p>Date for Member decision making training being finalised</p>",
      ),
    ).toBe(
      "Ongoing - Member briefings to continue where appropriate issue arises.\nNew member intranet site – date TBC\nDate for Member decision making training being finalised",
    );
  });

  it("writes list items as bullets, decodes entities and drops other tags", () => {
    expect(
      htmlCellToText(
        'Plan:<br/><ul class="x"><li>Policy &amp; <strong>Transformation</strong></li><li>&lt;draft&gt; &quot;A&quot;&nbsp;&#39;B&#39;</li></ul>',
      ),
    ).toBe("Plan:\n• Policy & Transformation\n• <draft> \"A\" 'B'");
  });

  it("does not double the bullet of a list item that also prints one", () => {
    expect(htmlCellToText("<ul><li>• One</li><li>•Two</li></ul>")).toBe("• One\n• Two");
  });

  it("cleans a cell without HTML or bullets like cleanText", () => {
    expect(htmlCellToText("  Director of\u00a0Connected   Chelmsford ")).toBe("Director of Connected Chelmsford");
  });

  it("drops comments, however long and whatever tags they hold, and leaves an unclosed one as printed", () => {
    expect(htmlCellToText(`<p>A</p><!--[if gte mso 9]><xml>${"x".repeat(5000)}</xml><p>hidden</p><![endif]-->B`)).toBe(
      "A\nB",
    );
    expect(htmlCellToText("<p>A</p><!-- one --><!-- two -->B<!-- never closed")).toBe("A\nB<!-- never closed");
  });

  it("returns on a 200 KB cell of unclosed comments", () => {
    const cell = `&amp;${"<!--".repeat(50_000)}`;
    expect(htmlCellToText(cell)).toBe(`&${"<!--".repeat(50_000)}`);
  });

  it("never throws and never returns blank lines", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary" }),
          fc
            .array(
              fc.oneof(
                fc.constantFrom("<p>", "</p>", "<br>", "<li>", "•", "&amp;", "&#99999999;", "<ul a='1'>", " "),
                fc.string(),
              ),
            )
            .map((parts) => parts.join("")),
        ),
        (s) => {
          const lines = htmlCellToText(s).split("\n");
          if (lines.length > 1) expect(lines.every((line) => line.trim() !== "")).toBe(true);
        },
      ),
    );
  });
});

describe("textBefore", () => {
  it("returns at most the given number of characters before the end", () => {
    expect(textBefore("to be completed", 6, 80)).toBe("to be ");
    expect(textBefore("one two three", 13, 5)).toBe("three");
  });

  it("starts the window at a word, so that the end of a cut word is not read as a word", () => {
    // "cannot" cut to "not" would read as a negation.
    expect(textBefore("we cannot agree", 15, 9)).toBe(" agree");
    expect(textBefore("we cannot agree", 15, 12)).toBe("cannot agree");
  });
});
