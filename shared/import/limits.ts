// Limits against hostile or broken files. A crafted spreadsheet of a few KB can ask a parser for
// gigabytes or minutes (neither SheetJS nor ExcelJS bounds decompression or sheet ranges), so
// every file is measured against these before it is parsed. Real opinion files are far below them:
// a meeting has hundreds of opinions, a county-wide questionnaire a few thousand rows.

/** Files larger than this are refused before anything is read. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
/** A spreadsheet archive (.xlsx) with more entries than this is refused. */
export const MAX_ZIP_ENTRIES = 2_000;
/** The real (measured, not declared) size of everything in an .xlsx once decompressed. */
export const MAX_UNZIPPED_BYTES = 80 * 1024 * 1024;
/** Rows that hold data, per sheet. */
export const MAX_ROWS = 100_000;
/** Columns that hold data; an opinion table has fewer than ten. */
export const MAX_COLUMNS = 200;
/** A declared used range (`<dimension>`, `!ref`) beyond this is not a real sheet. */
export const MAX_DECLARED_ROWS = 1_000_000;
export const MAX_DECLARED_COLUMNS = 1_000;
/** Merged areas: more of them, or one larger than this many cells, is refused. */
export const MAX_MERGES = 20_000;
export const MAX_MERGE_CELLS = 10_000;
/** Cells an OpenDocument sheet asks for by repeating a cell with content (rows × columns repeated). */
export const MAX_REPEATED_CELLS = 2_000_000;
/** The app gives the parsing worker this long before it stops it. */
export const PARSE_TIMEOUT_MS = 30_000;
/** Directory entries of a legacy .xls container (a real one has under ten). */
export const MAX_CFB_ENTRIES = 2_000;
