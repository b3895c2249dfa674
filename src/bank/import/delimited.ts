import { type CsvError, parse } from 'csv-parse/sync';

/** One record of a delimited file, with the line it starts on (a quoted field may span lines). */
export interface DelimitedRecord {
  line: number;
  fields: string[];
}

export interface DelimitedResult {
  records: DelimitedRecord[];
  /** Rows the parser could not read, each with its line; the rows around them are still read. */
  problems: { line: number; message: string }[];
}

/**
 * Splits CSV/TSV text into records with csv-parse (RFC 4180 quoting: `"a ""b"""`, fields with newlines).
 * Lenient where spreadsheets are sloppy (stray quotes inside a field, rows with more or fewer cells);
 * a quote that is never closed ends the file, and that is reported with the line where it opened.
 * `firstLine`: the line of `text`'s first line in the file (Anki exports start after their header lines).
 */
export function readDelimited(text: string, delimiter: string, firstLine = 1): DelimitedResult {
  const problems: DelimitedResult['problems'] = [];
  const records: DelimitedRecord[] = [];
  let lastEnd = firstLine - 1;
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // One record delimiter, so a quoted field's CRLF and the line count are read the same way in every file.
    rows = parse(text.replace(/\r\n?/g, '\n'), {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      bom: true,
      record_delimiter: '\n',
      on_skip: (err) => {
        if (err) problems.push({ line: (typeof err.lines === 'number' ? err.lines : 1) + firstLine - 1, message: describe(err, lastEnd + 1) });
      },
      on_record: (record, context) => {
        lastEnd = context.lines + firstLine - 1;
        return record;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    // skip_records_with_error keeps going on bad rows; anything thrown here is an option or parser bug.
    problems.push({ line: firstLine, message: `could not be read as ${delimiter === '\t' ? 'TSV' : 'CSV'} (${err instanceof Error ? err.message : String(err)})` });
    return { records, problems };
  }
  for (const { record, info } of rows) {
    const end = info.lines + firstLine - 1;
    // The parser counts the line a record ends on; a record's own line breaks put its start above that.
    const breaks = record.reduce((n, f) => n + countBreaks(f), 0);
    records.push({ line: end - breaks, fields: record });
  }
  return { records, problems };
}

function countBreaks(field: string): number {
  let n = 0;
  for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) n++;
  return n;
}

function describe(err: CsvError, afterLine: number): string {
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return `a quoted field that starts on or after line ${afterLine} is never closed; the rows from there to the end are skipped`;
  return `row could not be read (${err.message}); skipped`;
}
