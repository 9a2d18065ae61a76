import { describe, expect, it } from "vitest";
import { tableGrid } from "../../../../src/modules/import/document/document.grid.js";
import type { Block, TableBlock } from "../../../../src/modules/import/document/document.model.js";
import { readDocumentModel } from "../../../../src/modules/import/document/document.reader.js";
import { htmlLimits, readHtml } from "../../../../src/modules/import/document/html.reader.js";
import { PlanParseError } from "../../../../src/modules/import/parsers/parse.errors.js";

const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === "table" ? "<table>" : `${b.kind}:${b.text}`));
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === "table");
const cellTexts = (table: TableBlock) => table.rows.map((row) => row.cells.map((cell) => cell.text));

function reason(read: () => unknown): string | null {
  try {
    read();
    return null;
  } catch (error) {
    return error instanceof PlanParseError ? error.reason : `not a PlanParseError: ${String(error)}`;
  }
}

describe("readHtml: headings, paragraphs and the title", () => {
  it("reads h1–h6 and role=heading with its aria-level, and takes the title from <title>", () => {
    const model = readHtml(
      "<title> Our  plan </title><h1>Plan</h1><h3>Theme</h3><div role='heading' aria-level='4'>Aria</div>" +
        "<span role=heading>Default</span><h6>Small</h6>",
    );
    expect(model.format).toBe("HTML");
    expect(model.title).toBe("Our plan");
    expect(model.blocks.map((b) => (b.kind === "heading" ? [b.level, b.text] : b.kind))).toEqual([
      [1, "Plan"],
      [3, "Theme"],
      [4, "Aria"],
      [2, "Default"],
      [6, "Small"],
    ]);
  });

  it("falls back to the first h1 when there is no <title>", () => {
    expect(readHtml("<h2>Intro</h2><h1>Action plan</h1><h1>Later</h1>").title).toBe("Action plan");
    expect(readHtml("<p>No headings</p>").title).toBeNull();
  });

  it("emits each run of text once, innermost block first, inline elements and <br> inside it", () => {
    const model = readHtml(
      "<div>Intro <b>bold</b> <a href=#>link</a>.<div><section><p>Deep <em>one</em></p></section></div>" +
        "Tail<br>  after   break</div><p>  spaced\n\t out&amp;&nbsp;about </p>",
    );
    expect(texts(model.blocks)).toEqual([
      "paragraph:Intro bold link.",
      "paragraph:Deep one",
      "paragraph:Tail\nafter break",
      "paragraph:spaced out& about",
    ]);
  });

  it("keeps whitespace inside pre", () => {
    const model = readHtml("<pre>\n  Ref  Action\n  1    Plan\n</pre>");
    expect(texts(model.blocks)).toEqual(["paragraph:  Ref  Action\n  1    Plan"]);
  });

  it("reads dt and dd as separate paragraphs", () => {
    const model = readHtml("<dl><dt>Lead</dt><dd>Chief Executive</dd><dt>Due</dt><dd>March 2025</dd></dl>");
    expect(texts(model.blocks)).toEqual([
      "paragraph:Lead",
      "paragraph:Chief Executive",
      "paragraph:Due",
      "paragraph:March 2025",
    ]);
  });

  it("reads an image's alt text as text, so a status shown as a coloured icon is not lost", () => {
    const model = readHtml('<p>Status: <img src="g.png" alt="Green"></p>');
    expect(texts(model.blocks)).toEqual(["paragraph:Status: Green"]);
  });
});

describe("readHtml: source locations", () => {
  it("points each block at its element's start tag, and text after a nested block at that text", () => {
    const html = [
      "<h1>Plan</h1>", // line 1
      "<p>First <b>one</b></p>", // line 2
      "  <div>Lead<div>Inner</div>tail</div>", // line 3: <div> at 3, "Lead" at 8, inner <div> at 12, "tail" at 28
      "<ul>", // line 4
      "   <li>Item</li>", // line 5: <li> at 4
      "</ul>",
      "<table><tr>", // line 7: <tr> at 8
      "<td>A</td>  <td>B</td></tr></table>", // line 8: cells at 1 and 13
    ].join("\n");
    const model = readHtml(html);
    expect(model.text).toBe(html);
    const [h1, p, lead, inner, tail, item, table] = model.blocks;
    expect(h1!.source).toEqual({ line: 1, column: 1 });
    expect(p!.source).toEqual({ line: 2, column: 1 });
    expect(lead!.source).toEqual({ line: 3, column: 3 });
    expect(inner!.source).toEqual({ line: 3, column: 12 });
    expect(tail!.source).toEqual({ line: 3, column: 28 });
    expect(item!.source).toEqual({ line: 5, column: 4 });
    expect(table!.source).toEqual({ line: 7, column: 1 });
    const rows = (table as TableBlock).rows;
    expect(rows[0]!.source).toEqual({ line: 7, column: 8 });
    expect(rows[0]!.cells.map((c) => c.source)).toEqual([
      { line: 8, column: 1, cell: "r1c1" },
      { line: 8, column: 13, cell: "r1c2" },
    ]);
    // Every line points into the text: the line's own text starts with the tag at that column.
    const lines = html.split("\n");
    expect(lines[2]!.slice(27)).toMatch(/^tail/);
    expect(lines[7]!.slice(12)).toMatch(/^<td>B/);
  });
});

describe("readHtml: lists", () => {
  it("gives nested items their depth and ordered items their printed marker", () => {
    const model = readHtml(
      '<ol start="3" type="a"><li>Third<ol type="I"><li>One</li><li>Two<ul><li>Bullet</li></ul></li></ol></li>' +
        '<li value="10"><p>Tenth</p></li><li>Eleventh</li></ol>' +
        "<ul><li>Plain</li></ul><ol reversed><li>x</li><li>y</li><li>z</li></ol><ol><li>first</li></ol>",
    );
    expect(model.blocks.map((b) => (b.kind === "listItem" ? [b.depth, b.ordered, b.marker, b.text] : b.kind))).toEqual([
      [0, true, "c.", "Third"],
      [1, true, "I.", "One"],
      [1, true, "II.", "Two"],
      [2, false, null, "Bullet"],
      [0, true, "j.", "Tenth"],
      [0, true, "k.", "Eleventh"],
      [0, false, null, "Plain"],
      [0, true, "3.", "x"],
      [0, true, "2.", "y"],
      [0, true, "1.", "z"],
      [0, true, "1.", "first"],
    ]);
  });

  it("reads text after an item's nested list as a paragraph, not as a second item", () => {
    const model = readHtml("<ul><li>Action<ul><li>Step</li></ul>More about it</li></ul>");
    expect(texts(model.blocks)).toEqual(["listItem:Action", "listItem:Step", "paragraph:More about it"]);
  });
});

describe("readHtml: tables", () => {
  it("orders rows thead, tbody, tfoot, keeps spans, and tableGrid lines the columns up", () => {
    const model = readHtml(`<table>
<tfoot><tr><td colspan="3">Footnote</td></tr></tfoot>
<thead><tr><th>Ref</th><th>Action</th><th>Lead</th></tr></thead>
<tbody>
<tr><td rowspan="2">R1</td><td>Hold a workshop</td><td rowspan="0">Chief Executive</td></tr>
<tr><td>Publish a vision</td></tr>
<tr><td colspan="2">R2 Wide</td></tr>
</tbody></table>`);
    const [table] = tables(model.blocks);
    expect(cellTexts(table!)).toEqual([
      ["Ref", "Action", "Lead"],
      ["R1", "Hold a workshop", "Chief Executive"],
      ["Publish a vision"],
      ["R2 Wide"],
      ["Footnote"],
    ]);
    expect(table!.rows.map((r) => r.header)).toEqual([true, false, false, false, false]);
    // rowspan="0" reaches the end of its tbody: three rows.
    expect(table!.rows[1]!.cells[2]!.rowSpan).toBe(3);
    const grid = tableGrid(table!).map((row) => row.map((g) => (g ? `${g.cell.text}${g.origin ? "" : "*"}` : null)));
    expect(grid).toEqual([
      ["Ref", "Action", "Lead"],
      ["R1", "Hold a workshop", "Chief Executive"],
      ["R1*", "Publish a vision", "Chief Executive*"],
      ["R2 Wide", "R2 Wide*", "Chief Executive*"],
      ["Footnote", "Footnote*", "Footnote*"],
    ]);
    expect(table!.rows[2]!.cells[0]!.source.cell).toBe("r3c2");
    expect(table!.rows[3]!.cells[0]!.source.cell).toBe("r4c1");
  });

  it("marks a tbody row of th cells as a header, and clamps spans to the spec and the table", () => {
    const model = readHtml(
      '<table><tr><th>A</th><th>B</th></tr><tr><td colspan="5000" rowspan="70000">wide</td><td colspan="x">c</td></tr>' +
        '<tr><th>row head</th><td colspan="-2">v</td></tr></table>',
    );
    const [table] = tables(model.blocks);
    expect(table!.rows.map((r) => r.header)).toEqual([true, false, false]);
    const [wide, c] = table!.rows[1]!.cells;
    expect(wide!.colSpan).toBe(htmlLimits.maxColSpan);
    expect(wide!.rowSpan).toBe(2);
    expect(c!.colSpan).toBe(1);
    expect(table!.rows[2]!.cells[1]!.colSpan).toBe(1);
  });

  it("keeps a packed cell's structure as lines: paragraphs, <br>, bullets and ordered markers", () => {
    const model = readHtml(
      "<table><tr><th>Actions</th><th>Dates</th><th>Updates</th><th>Steps</th></tr><tr>" +
        "<td><p>Hold a workshop</p><p>&nbsp;</p><p>Publish a vision</p></td>" +
        "<td>March 2024<br>June 2024</td>" +
        "<td><ul><li>Done</li><li>Next <b>step</b></li></ul></td>" +
        '<td>Plan:<ol type="a"><li>draft</li><li>agree</li></ol></td></tr></table>',
    );
    expect(cellTexts(tables(model.blocks)[0]!)[1]).toEqual([
      "Hold a workshop\nPublish a vision",
      "March 2024\nJune 2024",
      "• Done\n• Next step",
      "Plan:\na. draft\nb. agree",
    ]);
  });

  it("renders a table nested in a cell as lines of that cell, and reads a one-cell table as blocks", () => {
    const model = readHtml(
      "<table><tr><td><h2>Our plan</h2><p>Intro</p></td></tr></table>" +
        "<table><tr><th>Ref</th><th>Milestones</th></tr><tr><td>1</td><td>Due:" +
        "<table><tr><td>Q1</td><td>Draft<br>plan</td></tr><tr><td>Q2</td><td></td></tr></table></td></tr></table>",
    );
    expect(texts(model.blocks)).toEqual(["heading:Our plan", "paragraph:Intro", "<table>"]);
    const [table] = tables(model.blocks);
    expect(cellTexts(table!)).toEqual([
      ["Ref", "Milestones"],
      ["1", "Due:\nQ1 | Draft plan\nQ2"],
    ]);
  });

  it("reads a side-by-side layout table (headings in cells, no header cells) as blocks", () => {
    const model = readHtml(
      "<table><tr><td><h2>Menu</h2><p>Links</p></td><td><h1>Plan</h1><table><tr><th>Ref</th><th>Action</th></tr>" +
        "<tr><td>1</td><td>Act</td></tr></table></td></tr></table>",
    );
    expect(texts(model.blocks)).toEqual(["heading:Menu", "paragraph:Links", "heading:Plan", "<table>"]);
    expect(cellTexts(tables(model.blocks)[0]!)).toEqual([
      ["Ref", "Action"],
      ["1", "Act"],
    ]);
  });

  it("puts a caption before its table as a paragraph", () => {
    const model = readHtml("<table><caption>Action plan</caption><tr><td>a</td><td>b</td></tr></table>");
    expect(texts(model.blocks)).toEqual(["paragraph:Action plan", "<table>"]);
  });
});

describe("readHtml: what is dropped", () => {
  it("drops scripts, styles, hidden elements, navigation and non-text content, and keeps other furniture", () => {
    const model = readHtml(
      "<html><head><style>p{}</style><script>var a = '<p>no</p>'</script></head><body>" +
        "<nav><ul><li>Home</li></ul></nav><div role='navigation'>Skip</div>" +
        "<p hidden>hidden</p><p aria-hidden='true'>aria</p><p style='color:red; display : none'>styled</p>" +
        "<template><p>template</p></template><noscript>enable JS</noscript><svg><text>svg</text></svg>" +
        "<iframe>frame</iframe><p hidden='until-found'>Accordion</p>" +
        "<div class='cookie-banner'>We use cookies</div><p>Kept</p><footer>© Council</footer></body></html>",
    );
    expect(texts(model.blocks)).toEqual([
      "paragraph:Accordion",
      "paragraph:We use cookies",
      "paragraph:Kept",
      "paragraph:© Council",
    ]);
  });
});

describe("readHtml: a realistic council page", () => {
  it("reads the plan table with its header row and the furniture around it as blocks", () => {
    const page = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Corporate Peer Challenge action plan | Anytown Borough Council</title>
  <link rel="stylesheet" href="/site.css">
  <script src="/analytics.js"></script>
</head>
<body>
  <div class="cookie-banner" role="region" aria-label="Cookies">
    <p>We use cookies to make this site work. <button>Accept</button> <button>Reject</button></p>
  </div>
  <header class="site-header">
    <a href="/" class="logo"><img src="/logo.svg" alt="Anytown Borough Council"></a>
    <nav aria-label="Main"><ul><li><a href="/bins">Bins</a></li><li><a href="/council">Council</a></li></ul></nav>
  </header>
  <div class="breadcrumbs" role="navigation"><a href="/">Home</a> &gt; <a href="/council">Council</a></div>
  <main id="content">
    <h1>Corporate Peer Challenge: action plan</h1>
    <p class="lede">Last updated 3 March 2025.</p>
    <table class="plan">
      <thead>
        <tr><th scope="col">No.</th><th scope="col">Recommendation</th><th scope="col">Action</th><th scope="col">Lead</th><th scope="col">Due</th></tr>
      </thead>
      <tbody>
        <tr>
          <td rowspan="2">1</td>
          <td rowspan="2">Develop a shared vision for the borough</td>
          <td>Hold member workshops</td>
          <td>Chief Executive</td>
          <td>June&nbsp;2025</td>
        </tr>
        <tr>
          <td>Publish the vision<br>
              and consult residents</td>
          <td>Head of Policy</td>
          <td>September 2025</td>
        </tr>
        <tr>
          <td>2</td>
          <td>Strengthen financial planning</td>
          <td><ul><li>Refresh the MTFS</li><li>Member training</li></ul></td>
          <td>S151 Officer</td>
          <td>March 2026</td>
        </tr>
      </tbody>
    </table>
  </main>
  <footer><p>© Anytown Borough Council</p></footer>
  <script>window.dataLayer = [];</script>
</body>
</html>`;
    const model = readHtml(page);
    expect(model.title).toBe("Corporate Peer Challenge action plan | Anytown Borough Council");
    expect(texts(model.blocks)).toEqual([
      "paragraph:We use cookies to make this site work. Accept Reject",
      "paragraph:Anytown Borough Council",
      "heading:Corporate Peer Challenge: action plan",
      "paragraph:Last updated 3 March 2025.",
      "<table>",
      "paragraph:© Anytown Borough Council",
    ]);
    const [table] = tables(model.blocks);
    expect(cellTexts(table!)).toEqual([
      ["No.", "Recommendation", "Action", "Lead", "Due"],
      ["1", "Develop a shared vision for the borough", "Hold member workshops", "Chief Executive", "June 2025"],
      ["Publish the vision\nand consult residents", "Head of Policy", "September 2025"],
      ["2", "Strengthen financial planning", "• Refresh the MTFS\n• Member training", "S151 Officer", "March 2026"],
    ]);
    expect(table!.rows.map((r) => r.header)).toEqual([true, false, false, false]);
    const grid = tableGrid(table!);
    expect(grid[2]!.map((g) => g?.cell.text)).toEqual([
      "1",
      "Develop a shared vision for the borough",
      "Publish the vision\nand consult residents",
      "Head of Policy",
      "September 2025",
    ]);
    // The heading's line in the page is the line with its <h1>.
    const h1 = model.blocks[2]!;
    expect(page.split("\n")[h1.source.line - 1]!.slice(h1.source.column! - 1)).toMatch(/^<h1>Corporate/);
    expect(page.split("\n")[table!.rows[2]!.cells[0]!.source.line - 1]).toContain("<td>Publish the vision<br>");
  });
});

describe("readHtml: hostile input", () => {
  it("reads 100,000 nested divs without overflowing the stack", () => {
    const depth = 100_000;
    const model = readHtml(`${"<div>".repeat(depth)}deep${"</div>".repeat(depth)}<p>after</p>`);
    expect(texts(model.blocks)).toEqual(["paragraph:deep", "paragraph:after"]);
  });

  it("reads 100,000 nested list items, each at its depth", () => {
    const depth = 100_000;
    const model = readHtml("<ul><li>x".repeat(depth));
    expect(model.blocks).toHaveLength(depth);
    expect(model.blocks.at(-1)).toMatchObject({ kind: "listItem", depth: depth - 1, text: "x" });
  });

  it("reads tables nested in cells 1,000 deep, flattening those below the depth limit into lines", () => {
    const depth = 1000;
    // A th makes each a data table rather than a side-by-side layout.
    const model = readHtml("<table><tr><th>a</th><td>b".repeat(depth) + "</td></tr></table>".repeat(depth));
    const [table] = tables(model.blocks);
    expect(model.blocks).toHaveLength(1);
    // Tables 2 to 8 deep are rows of lines ("a | b…"); deeper ones are read as lines of the 8th's cell.
    const text = table!.rows[0]!.cells[1]!.text;
    expect(text.startsWith(`b\n${"a | b ".repeat(7)}a b a b`)).toBe(true);
    expect(text.split("\n")).toHaveLength(2);
  });

  it("refuses a page of more than the block limit", () => {
    expect(reason(() => readHtml("<p>x".repeat(htmlLimits.maxItems + 1)))).toBe("import.limit_exceeded");
  });

  it("refuses a table whose spans would expand past the grid limit", () => {
    const rows = Math.ceil(htmlLimits.maxGridArea / htmlLimits.maxColSpan) + 1;
    const html = `<table>${'<tr><td colspan="1000">x</td></tr>'.repeat(rows)}</table>`;
    expect(reason(() => readHtml(html))).toBe("import.limit_exceeded");
  });
});

describe("readDocumentModel: HTML", () => {
  it("decodes UTF-8 bytes and reads them as HTML", async () => {
    const model = await readDocumentModel(new TextEncoder().encode("<p>Café – plan</p>"), "HTML");
    expect(texts(model.blocks)).toEqual(["paragraph:Café – plan"]);
  });
});
