/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a text cell starting with `=`, `+`, `-`,
 * `@`, tab or carriage return is read as a formula by Excel, LibreOffice and Google Sheets. Such a
 * cell gets a leading apostrophe, which spreadsheets take as "this is text" and do not display, so
 * `-5 degrees` still reads `-5 degrees`. A cell that is only a number (`-5`, `+3.2`) is left alone:
 * it is not a formula, and a number should stay a number. Spaces before the sign (` =1+1`, which
 * some spreadsheets trim) and the full-width signs (`＝`, `＋`, `－`, `＠`, read as formulas by
 * East Asian locales) count too, as does a line feed first.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The CLI's and the app's cell guard: strings are neutralised, other values pass through. */
export function safeCell(value: unknown): unknown {
  return typeof value === 'string' ? neutraliseCell(value) : value;
}
