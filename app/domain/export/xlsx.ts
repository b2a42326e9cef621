import { type ExportCell, startsLikeFormula } from "~/domain/export/formula-safety";
import { Utf8Chunk } from "~/domain/export/utf8-chunk";
import { createZip, zipStream } from "~/domain/export/zip";

export interface WorksheetInput {
  /** 1–31 characters, none of : \ / ? * [ ], unique within the workbook ignoring case. */
  name: string;
  rows: readonly (readonly ExportCell[])[];
  boldHeader?: boolean;
}

type Row = readonly ExportCell[];

/** A worksheet whose rows arrive a chunk at a time (header first), for workbooks too large to hold. */
export interface StreamedWorksheetInput {
  name: string;
  rows: AsyncIterable<readonly Row[]>;
  boldHeader?: boolean;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIP_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CONTENT_TYPE_PREFIX = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Custom number formats start at 164; lower ids are Excel's built-ins. */
const FIRST_CUSTOM_FORMAT_ID = 164;

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR). */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const NEEDS_ESCAPING = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function escapeXml(text: string): string {
  // Most cells (names, labels) need nothing: skip the five passes for them.
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(XML_ILLEGAL, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** 0 → A, 25 → Z, 26 → AA. */
function columnLetters(index: number): string {
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

function assertSheetNames(sheets: readonly WorksheetInput[]): void {
  if (sheets.length === 0) throw new Error("a workbook needs at least one sheet");
  const seen = new Set<string>();
  for (const { name } of sheets) {
    const folded = name.toLowerCase();
    if (name.length < 1 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name) || seen.has(folded)) {
      throw new Error(`invalid or repeated sheet name: ${name}`);
    }
    seen.add(folded);
  }
}

interface CellStyle {
  bold: boolean;
  decimals: number | null;
  quotePrefix: boolean;
}

/** Collects the distinct cell formats; index 0 is the default, as the format requires. */
class StyleTable {
  private readonly styles: CellStyle[] = [{ bold: false, decimals: null, quotePrefix: false }];

  indexOf(style: CellStyle): number {
    const found = this.styles.findIndex(
      (known) =>
        known.bold === style.bold && known.decimals === style.decimals && known.quotePrefix === style.quotePrefix,
    );
    if (found >= 0) return found;
    this.styles.push(style);
    return this.styles.length - 1;
  }

  toXml(): string {
    const decimals = [...new Set(this.styles.flatMap((style) => (style.decimals === null ? [] : [style.decimals])))];
    const formatId = (places: number) => FIRST_CUSTOM_FORMAT_ID + decimals.indexOf(places);
    const numberFormatXml = (places: number) =>
      `<numFmt numFmtId="${formatId(places)}" formatCode="${places === 0 ? "0" : `0.${"0".repeat(places)}`}"/>`;
    const formats =
      decimals.length === 0
        ? ""
        : `<numFmts count="${decimals.length}">${decimals.map(numberFormatXml).join("")}</numFmts>`;
    const font = (bold: boolean) =>
      `<font>${bold ? "<b/>" : ""}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
    const xfs = this.styles
      .map((style) => {
        const numFmtId = style.decimals === null ? 0 : formatId(style.decimals);
        const attributes = [
          `numFmtId="${numFmtId}"`,
          `fontId="${style.bold ? 1 : 0}"`,
          'fillId="0" borderId="0" xfId="0"',
          style.decimals === null ? "" : 'applyNumberFormat="1"',
          style.bold ? 'applyFont="1"' : "",
          style.quotePrefix ? 'quotePrefix="1"' : "",
        ];
        return `<xf ${attributes.filter(Boolean).join(" ")}/>`;
      })
      .join("");
    return (
      `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">${formats}` +
      `<fonts count="2">${font(false)}${font(true)}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.styles.length}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

function styleAttribute(styles: StyleTable, bold: boolean, decimals: number | null, quotePrefix: boolean): string {
  // The default style is index 0 and needs no attribute: most cells, looked up for none of them.
  if (!bold && decimals === null && !quotePrefix) return "";
  const index = styles.indexOf({ bold, decimals, quotePrefix });
  return index === 0 ? "" : ` s="${index}"`;
}

function cellXml(cell: Exclude<ExportCell, null>, reference: string, bold: boolean, styles: StyleTable): string {
  if (typeof cell === "number" && !bold) {
    // The common case (an answer's rating) without the checks a fixed-decimal or bold cell needs.
    if (!Number.isFinite(cell)) throw new RangeError(`cannot export ${cell} as a number`);
    return `<c r="${reference}"><v>${cell === 0 ? 0 : cell}</v></c>`;
  }
  if (typeof cell === "string") {
    // Inline strings are never evaluated; quotePrefix keeps them text even when someone edits the cell.
    const text = `<is><t xml:space="preserve">${escapeXml(cell)}</t></is>`;
    return `<c r="${reference}" t="inlineStr"${styleAttribute(styles, bold, null, startsLikeFormula(cell))}>${text}</c>`;
  }
  const [value, decimals] = typeof cell === "number" ? [cell, null] : [cell.value, cell.decimals];
  if (!Number.isFinite(value)) throw new RangeError(`cannot export ${value} as a number`);
  if (decimals !== null && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 30)) {
    throw new RangeError(`unsupported number of decimals: ${decimals}`);
  }
  return `<c r="${reference}"${styleAttribute(styles, bold, decimals, false)}><v>${value === 0 ? 0 : value}</v></c>`;
}

/** Writes rows one after another, checking the sheet's limits, with column letters computed once. */
class RowWriter {
  private next = 0;
  private readonly letters: string[] = [];

  constructor(
    private readonly sheet: { name: string; boldHeader?: boolean },
    private readonly styles: StyleTable,
  ) {}

  private column(index: number): string {
    return (this.letters[index] ??= columnLetters(index));
  }

  xml(row: Row): string {
    const rowIndex = this.next++;
    if (rowIndex >= MAX_ROWS) throw new RangeError(`sheet ${this.sheet.name} has more than ${MAX_ROWS} rows`);
    if (row.length > MAX_COLUMNS) throw new RangeError(`sheet ${this.sheet.name} has more than ${MAX_COLUMNS} columns`);
    const bold = rowIndex === 0 && this.sheet.boldHeader === true;
    const rowNumber = String(rowIndex + 1);
    let xml = `<row r="${rowNumber}">`;
    for (let columnIndex = 0; columnIndex < row.length; columnIndex++) {
      const cell = row[columnIndex]!;
      if (cell !== null) xml += cellXml(cell, this.column(columnIndex) + rowNumber, bold, this.styles);
    }
    return `${xml}</row>`;
  }
}

const WORKSHEET_START = `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}"><sheetData>`;
const WORKSHEET_END = "</sheetData></worksheet>";

function worksheetXml(sheet: WorksheetInput, styles: StyleTable): string {
  if (sheet.rows.length > MAX_ROWS) throw new RangeError(`sheet ${sheet.name} has more than ${MAX_ROWS} rows`);
  const writer = new RowWriter(sheet, styles);
  return `${WORKSHEET_START}${sheet.rows.map((row) => writer.xml(row)).join("")}${WORKSHEET_END}`;
}

const sheetPath = (index: number) => `worksheets/sheet${index + 1}.xml`;

/** The parts that describe the package and its sheets: everything but the sheets and styles. */
function packageParts(sheetNames: readonly string[]): { path: string; xml: string }[] {
  const contentTypes =
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE_PREFIX}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE_PREFIX}.styles+xml"/>` +
    sheetNames
      .map(
        (_, index) =>
          `<Override PartName="/xl/${sheetPath(index)}" ContentType="${CONTENT_TYPE_PREFIX}.worksheet+xml"/>`,
      )
      .join("") +
    "</Types>";
  const packageRelationships =
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIP_NS}">` +
    `<Relationship Id="rId1" Type="${RELATIONSHIP_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    "</Relationships>";
  const workbook =
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIP_NS}"><sheets>` +
    sheetNames
      .map((name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`)
      .join("") +
    "</sheets></workbook>";
  const workbookRelationships =
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIP_NS}">` +
    sheetNames
      .map(
        (_, index) =>
          `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIP_NS}/worksheet" Target="${sheetPath(index)}"/>`,
      )
      .join("") +
    `<Relationship Id="rId${sheetNames.length + 1}" Type="${RELATIONSHIP_NS}/styles" Target="styles.xml"/>` +
    "</Relationships>";
  return [
    { path: "[Content_Types].xml", xml: contentTypes },
    { path: "_rels/.rels", xml: packageRelationships },
    { path: "xl/workbook.xml", xml: workbook },
    { path: "xl/_rels/workbook.xml.rels", xml: workbookRelationships },
  ];
}

/**
 * A minimal Office Open XML workbook (inline strings, one styles part, no shared strings) that
 * Excel and LibreOffice open without repair.
 */
export function buildXlsx(sheets: readonly WorksheetInput[]): Uint8Array {
  assertSheetNames(sheets);
  const styles = new StyleTable();
  const worksheets = sheets.map((sheet) => worksheetXml(sheet, styles));
  const encoder = new TextEncoder();
  return createZip([
    ...packageParts(sheets.map((sheet) => sheet.name)).map(({ path, xml }) => ({ path, data: encoder.encode(xml) })),
    { path: "xl/styles.xml", data: encoder.encode(styles.toXml()) },
    ...worksheets.map((xml, index) => ({ path: `xl/${sheetPath(index)}`, data: encoder.encode(xml) })),
  ]);
}

/**
 * The same workbook with one sheet, written as its rows arrive: each chunk of rows becomes one
 * piece of the deflated sheet, and the styles part, known only once every cell is written, comes
 * last in the archive (part order does not matter to Excel or LibreOffice).
 */
export function xlsxStream(sheet: StreamedWorksheetInput): AsyncGenerator<Uint8Array> {
  assertSheetNames([{ name: sheet.name, rows: [] }]);
  const styles = new StyleTable();
  const writer = new RowWriter(sheet, styles);
  async function* sheetXml(): AsyncGenerator<Uint8Array> {
    const out = new Utf8Chunk();
    out.append(WORKSHEET_START);
    yield out.take();
    for await (const rows of sheet.rows) {
      for (const row of rows) out.append(writer.xml(row));
      yield out.take();
    }
    out.append(WORKSHEET_END);
    yield out.take();
  }
  function* entries() {
    for (const { path, xml } of packageParts([sheet.name])) yield { path, data: Buffer.from(xml, "utf8") };
    yield { path: `xl/${sheetPath(0)}`, data: sheetXml() };
    // Read only after the sheet has been written, so every style it used is listed.
    yield { path: "xl/styles.xml", data: Buffer.from(styles.toXml(), "utf8") };
  }
  return zipStream(entries());
}
