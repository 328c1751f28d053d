import { buildDataset, parseClusterCsvSteps, type ParseOptions } from './parse-csv';
import { displayFileName } from './file-name';
import type { ClusterRecord, Dataset } from './model';
import { parseDatasetJsonSteps } from './parse-json';
import type { RowProblem } from './row-problem';
import { runInSlices, runToEnd, type SliceOptions, type Steps } from './steps';

/**
 * One entry point for a file the user picked: size, bytes, text encoding, format, then the
 * format's own validation. Nothing is stored here; the caller shows a preview and applies it.
 */

/** Far above any real dataset (the bundled CSV is ~130 kB) and within storage.local's 10 MB. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
/** storage.local holds 10 MB in Chrome; leave room for everything else stored there. */
export const MAX_STORED_DATASET_BYTES = 8 * 1024 * 1024;

export type ImportKind = 'csv' | 'json';

/** File-level problems the UI words itself (in the user's language); others carry a message. */
export type ImportProblemCode =
  'too-large' | 'empty' | 'not-utf8' | 'utf16' | 'spreadsheet' | 'binary' | 'stored-too-large';

export interface ImportProblem extends RowProblem {
  code?: ImportProblemCode;
  /** Numbers for the code's message, such as the file size and the limit. */
  values?: number[];
}

export type ImportResult =
  | { ok: true; kind: ImportKind; records: ClusterRecord[]; asOf: string | null }
  /** `more`: how many problems were found beyond those listed (see ParseOptions.maxProblems). */
  | { ok: false; kind: ImportKind | null; problems: ImportProblem[]; more?: number };

const fileProblem = (
  code: ImportProblemCode,
  message: string,
  values?: number[],
): ImportProblem => ({
  row: null,
  column: null,
  message,
  code,
  ...(values ? { values } : {}),
});

/** Checked on File.size before a single byte is read. */
export function checkImportSize(size: number): ImportProblem | null {
  return size > MAX_IMPORT_BYTES
    ? fileProblem(
        'too-large',
        `the file is ${size} bytes; the limit is ${MAX_IMPORT_BYTES} bytes`,
        [size, MAX_IMPORT_BYTES],
      )
    : null;
}

/** UTF-8 text of the file, its BOM removed, or the reason it is not UTF-8 text. */
export function decodeImportBytes(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problem: ImportProblem } {
  const b = bytes;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    return { ok: false, problem: fileProblem('utf16', 'the file is UTF-16 text, not UTF-8') };
  }
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    return {
      ok: false,
      problem: fileProblem(
        'spreadsheet',
        'the file is a ZIP or spreadsheet workbook, not CSV or JSON',
      ),
    };
  }
  let text: string;
  try {
    // fatal: a byte sequence that is not UTF-8 (a Windows-1252 export, say) is an error, not U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: fileProblem('not-utf8', 'the file is not valid UTF-8 text') };
  }
  if (text.includes('\u0000')) {
    return { ok: false, problem: fileProblem('binary', 'the file is binary, not text') };
  }
  // TextDecoder drops one BOM; a file saved twice with one can carry another.
  return { ok: true, text: text.replace(/^\uFEFF/, '') };
}

/** JSON when the text starts like JSON, whatever the file is called; else CSV. */
export function detectKind(text: string): ImportKind {
  return /^\s*[{[]/.test(text) ? 'json' : 'csv';
}

export function parseImport(bytes: Uint8Array, options: ParseOptions = {}): ImportResult {
  return runToEnd(parseImportSteps(bytes, options));
}

/**
 * parseImport in slices of a few milliseconds, so a page stays responsive while a large file
 * (thousands of rows, each checked by a schema) is read.
 */
export function parseImportInSlices(
  bytes: Uint8Array,
  options: ParseOptions & SliceOptions = {},
): Promise<ImportResult> {
  return runInSlices(parseImportSteps(bytes, options), options);
}

function* parseImportSteps(bytes: Uint8Array, options: ParseOptions): Steps<ImportResult> {
  const tooLarge = checkImportSize(bytes.length);
  if (tooLarge) return { ok: false, kind: null, problems: [tooLarge] };
  const decoded = decodeImportBytes(bytes);
  if (!decoded.ok) return { ok: false, kind: null, problems: [decoded.problem] };
  yield;
  const text = decoded.text;
  if (text.trim() === '') {
    return { ok: false, kind: null, problems: [fileProblem('empty', 'the file is empty')] };
  }
  if (detectKind(text) === 'json') {
    const result = yield* parseDatasetJsonSteps(text, options);
    return result.ok
      ? { ok: true, kind: 'json', records: result.records, asOf: result.asOf }
      : { ok: false, kind: 'json', problems: result.problems, more: result.more };
  }
  const result = yield* parseClusterCsvSteps(text, options);
  return result.ok
    ? { ok: true, kind: 'csv', records: result.records, asOf: null }
    : { ok: false, kind: 'csv', problems: result.problems, more: result.more };
}

/** The dataset to store for an import, its alias table derived again from the records. */
export function importedDataset(
  records: ClusterRecord[],
  asOf: string,
  fileName: string,
  importedAt: Date,
): Dataset {
  return {
    ...buildDataset(records, asOf, 'imported'),
    importedAt: importedAt.toISOString(),
    sourceName: displayFileName(fileName),
  };
}

/** Whether a dataset fits where it is stored; checked before applying. */
export function checkStoredSize(dataset: Dataset): ImportProblem | null {
  const bytes = new TextEncoder().encode(JSON.stringify(dataset)).length;
  return bytes > MAX_STORED_DATASET_BYTES
    ? fileProblem(
        'stored-too-large',
        `the dataset takes ${bytes} bytes; at most ${MAX_STORED_DATASET_BYTES} can be stored`,
        [bytes, MAX_STORED_DATASET_BYTES],
      )
    : null;
}
