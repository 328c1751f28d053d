import { i18n } from '#i18n';
import { useId, useRef, useState } from 'preact/hooks';
import { labelName } from './LabelBadge';
import { MonthField } from './MonthField';
import {
  diffDatasets,
  type DatasetDiff,
  type DiffField,
  type FieldChange,
} from '~/lib/dataset/dataset-diff';
import { datasetToCsv, datasetToJson, exportFileName } from '~/lib/dataset/export';
import { displayFileName } from '~/lib/dataset/file-name';
import {
  checkImportSize,
  checkStoredSize,
  importedDataset,
  MAX_IMPORT_BYTES,
  parseImportInSlices,
  type ImportKind,
  type ImportProblem,
} from '~/lib/dataset/import-file';
import { ECCP_HOST, importWarnings, type ImportWarning } from '~/lib/dataset/import-warnings';
import type { ClusterRecord, Dataset, DatasetRecords, LabelLevel } from '~/lib/dataset/model';
import { formatPartialDate } from '~/lib/format-date';
import { plural } from '~/utils/plural';

export interface DatasetImportProps {
  active: DatasetRecords;
  /** A stored import could not be read and the bundle stands in: say so, and allow a reset. */
  storedUnreadable?: boolean;
  locale: string;
  /** Stores the dataset; resolves false when storing failed (the reason is announced). */
  onApply: (dataset: Dataset) => Promise<boolean>;
  onReset: () => Promise<void>;
  onExport: (text: string, fileName: string, type: string) => void;
  announce: (message: string) => void;
}

type State =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | {
      step: 'preview';
      fileName: string;
      kind: ImportKind;
      records: ClusterRecord[];
      /** From a JSON export; a CSV has no date of its own, so the user gives it. */
      asOf: string | null;
      diff: DatasetDiff;
      /** What passed every rule yet may be a lookalike or hidden text; the user decides. */
      warnings: ImportWarning[];
    }
  | {
      step: 'invalid';
      fileName: string;
      kind: ImportKind | null;
      /** The first problems (at most PROBLEMS_SHOWN), and how many more were found. */
      problems: ImportProblem[];
      more?: number;
    };

const EXAMPLES = 5;
/** A file can have hundreds of thousands of problems; the first ones are enough to fix it. */
export const PROBLEMS_SHOWN = 50;

function thisMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

function megabytes(bytes: number, locale: string): string {
  return (bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 });
}

function fileProblemText(p: ImportProblem, locale: string): string | null {
  const [a = 0, b = 0] = p.values ?? [];
  switch (p.code) {
    case 'too-large':
      return i18n.t('options.data.fileTooLarge', [megabytes(a, locale), megabytes(b, locale)]);
    case 'stored-too-large':
      return i18n.t('options.data.storedTooLarge', [megabytes(a, locale), megabytes(b, locale)]);
    case 'empty':
      return i18n.t('options.data.fileEmpty');
    case 'not-utf8':
      return i18n.t('options.data.fileNotUtf8');
    case 'utf16':
      return i18n.t('options.data.fileUtf16');
    case 'spreadsheet':
      return i18n.t('options.data.fileSpreadsheet');
    case 'binary':
      return i18n.t('options.data.fileBinary');
    case undefined:
      return null;
  }
}

/** A problem located by row and column (CSV) or record and field (JSON). */
export function problemText(p: ImportProblem, kind: ImportKind | null, locale: string): string {
  const own = fileProblemText(p, locale);
  if (own !== null) return own;
  const json = kind === 'json';
  const row = p.row === null ? null : p.row.toLocaleString(locale);
  if (row !== null && p.column) {
    return json
      ? i18n.t('options.data.problemRecordField', [row, p.column, p.message])
      : i18n.t('options.data.problemRowColumn', [row, p.column, p.message]);
  }
  if (row !== null) {
    return json
      ? i18n.t('options.data.problemRecord', [row, p.message])
      : i18n.t('options.data.problemRow', [row, p.message]);
  }
  if (p.column) {
    return json
      ? i18n.t('options.data.problemField', [p.column, p.message])
      : i18n.t('options.data.problemColumn', [p.column, p.message]);
  }
  return i18n.t('options.data.problemFile', [p.message]);
}

function fieldName(field: DiffField): string {
  switch (field) {
    case 'name':
      return i18n.t('options.data.field.name');
    case 'acronym':
      return i18n.t('options.data.field.acronym');
    case 'aliases':
      return i18n.t('options.data.field.aliases');
    case 'country':
      return i18n.t('options.data.field.country');
    case 'region':
      return i18n.t('options.data.field.region');
    case 'city':
      return i18n.t('options.data.field.city');
    case 'label':
      return i18n.t('options.data.field.label');
    case 'labelYear':
      return i18n.t('options.data.field.labelYear');
    case 'labelValidUntil':
      return i18n.t('options.data.field.labelValidUntil');
    case 'eccp':
      return i18n.t('options.data.field.eccp');
    case 'website':
      return i18n.t('options.data.field.website');
    case 'sectors':
      return i18n.t('options.data.field.sectors');
    case 'sources':
      return i18n.t('options.data.field.sources');
    case 'notes':
      return i18n.t('options.data.field.notes');
  }
}

function eccpName(status: string): string {
  switch (status) {
    case 'member':
      return i18n.t('options.data.eccp.member');
    case 'implied':
      return i18n.t('options.data.eccp.implied');
    default:
      return i18n.t('options.data.eccp.unknown');
  }
}

function valueText(change: FieldChange, value: string): string {
  if (change.field === 'label') return labelName(value as LabelLevel);
  if (change.field === 'eccp') return eccpName(value);
  if (value === '') return i18n.t('options.data.noValue');
  // Notes and source lists can be long; the preview needs the gist, not the whole text.
  return value.length > 80 ? `${value.slice(0, 79)}…` : value;
}

function scriptNames(codes: string[], locale: string): string {
  const names = new Intl.DisplayNames([locale], { type: 'script' });
  return new Intl.ListFormat(locale, { type: 'unit' }).format(codes.map((c) => names.of(c) ?? c));
}

function warningText(w: ImportWarning, locale: string): string {
  switch (w.kind) {
    case 'mixed-script':
      return i18n.t('options.data.warningMixedScript', [
        fieldName(w.field),
        w.name,
        scriptNames(w.scripts, locale),
      ]);
    case 'invisible':
      return i18n.t('options.data.warningInvisible', [
        fieldName(w.field),
        w.name,
        w.codePoints.join(', '),
      ]);
    case 'eccp-host':
      return i18n.t('options.data.warningEccpHost', [w.name, w.host, ECCP_HOST]);
  }
}

function More({
  total,
  shown = EXAMPLES,
  locale,
}: {
  total: number;
  shown?: number;
  locale: string;
}) {
  if (total <= shown) return null;
  const more = total - shown;
  return <li class="more">{plural('options.data.more', more, [more.toLocaleString(locale)])}</li>;
}

/** The active dataset, import with preview, reset to the bundle, and export. */
export function DatasetImport({
  active,
  storedUnreadable = false,
  locale,
  onApply,
  onReset,
  onExport,
  announce,
}: DatasetImportProps) {
  const id = useId();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [asOfDraft, setAsOfDraft] = useState(thisMonth());
  const [dragging, setDragging] = useState(false);
  // The file read last: a file still being checked when another is chosen is forgotten.
  const reading = useRef<File | null>(null);
  const maxMonth = thisMonth();
  const asOfValid = /^\d{4}-\d{2}$/.test(asOfDraft) && asOfDraft <= maxMonth;

  const readFile = async (file: File) => {
    reading.current = file;
    const fileName = displayFileName(file.name);
    const tooLarge = checkImportSize(file.size);
    if (tooLarge) {
      setState({ step: 'invalid', fileName, kind: null, problems: [tooLarge] });
      announce(i18n.t('options.data.notImported', [fileName]));
      return;
    }
    setState({ step: 'reading', fileName });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      if (reading.current !== file) return;
      setState({ step: 'invalid', fileName, kind: null, problems: [] });
      announce(i18n.t('options.data.readFailed'));
      return;
    }
    const result = await parseImportInSlices(bytes, {
      today: new Date(),
      maxProblems: PROBLEMS_SHOWN,
    });
    if (reading.current !== file) return;
    if (!result.ok) {
      setState({
        step: 'invalid',
        fileName,
        kind: result.kind,
        problems: result.problems,
        more: result.more,
      });
      announce(i18n.t('options.data.notImported', [fileName]));
      return;
    }
    const diff = diffDatasets(active.records, result.records);
    setState({
      step: 'preview',
      fileName,
      kind: result.kind,
      records: result.records,
      asOf: result.asOf,
      diff,
      warnings: importWarnings(result.records),
    });
    setAsOfDraft(thisMonth());
    announce(i18n.t('options.data.previewReady', [fileName]));
  };

  const apply = async () => {
    if (state.step !== 'preview') return;
    const asOf = state.asOf ?? asOfDraft;
    if (state.asOf === null && !asOfValid) return;
    const dataset = importedDataset(state.records, asOf, state.fileName, new Date());
    const tooLarge = checkStoredSize(dataset);
    if (tooLarge) {
      setState({
        step: 'invalid',
        fileName: state.fileName,
        kind: state.kind,
        problems: [tooLarge],
      });
      announce(i18n.t('options.data.notImported', [state.fileName]));
      return;
    }
    if (await onApply(dataset)) {
      setState({ step: 'idle' });
      const n = dataset.records.length;
      announce(plural('options.data.applied', n, [n.toLocaleString(locale)]));
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) void readFile(file);
  };

  const n = active.records.length;
  const importedOn =
    active.importedAt === undefined
      ? null
      : new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(active.importedAt));

  return (
    <div class="dataset">
      {storedUnreadable && (
        <p class="stored-problem" role="alert">
          {i18n.t('options.data.storedUnreadable')}
        </p>
      )}
      <div class="dataset-info" data-testid="dataset-info">
        <p>
          {plural('dataset.organisations', n, [n.toLocaleString(locale)])}
          {' · '}
          {i18n.t('dataset.asOf', [formatPartialDate(active.asOf, locale)])}
        </p>
        <p class="origin">
          {active.origin === 'bundled'
            ? i18n.t('options.data.originBundled')
            : active.sourceName && importedOn
              ? i18n.t('options.data.originImported', [active.sourceName, importedOn])
              : i18n.t('options.data.originImportedUnnamed')}
        </p>
        <p class="help">{i18n.t('dataset.sourcesNote')}</p>
      </div>

      <h3>{i18n.t('options.data.importHeading')}</h3>
      <div
        class={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label for={`${id}-file`}>{i18n.t('options.data.chooseFile')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          aria-describedby={`${id}-file-help`}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            // Cleared so choosing the same file again (after fixing it) reads it again.
            input.value = '';
            if (file) void readFile(file);
          }}
        />
        <p class="help" id={`${id}-file-help`}>
          {i18n.t('options.data.importHelp', [megabytes(MAX_IMPORT_BYTES, locale)])}
        </p>
      </div>

      {state.step === 'reading' && <p>{i18n.t('options.data.reading', [state.fileName])}</p>}

      {state.step === 'invalid' && (
        <section class="problems" aria-labelledby={`${id}-problems`}>
          <h4 id={`${id}-problems`}>{i18n.t('options.data.notImported', [state.fileName])}</h4>
          <p>
            {plural('options.data.problemCount', state.problems.length + (state.more ?? 0), [
              (state.problems.length + (state.more ?? 0)).toLocaleString(locale),
            ])}
          </p>
          <ul>
            {state.problems.length === 0 && <li>{i18n.t('options.data.readFailed')}</li>}
            {state.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
              <li key={i}>{problemText(p, state.kind, locale)}</li>
            ))}
            <More
              total={state.problems.length + (state.more ?? 0)}
              shown={state.problems.length}
              locale={locale}
            />
          </ul>
        </section>
      )}

      {state.step === 'preview' && (
        <section class="preview" aria-labelledby={`${id}-preview`}>
          <h4 id={`${id}-preview`}>{i18n.t('options.data.previewHeading', [state.fileName])}</h4>
          <ul class="counts">
            <li>
              {plural('options.data.addedCount', state.diff.added.length, [
                state.diff.added.length.toLocaleString(locale),
              ])}
            </li>
            <li>
              {plural('options.data.changedCount', state.diff.changed.length, [
                state.diff.changed.length.toLocaleString(locale),
              ])}
            </li>
            <li>
              {plural('options.data.removedCount', state.diff.removed.length, [
                state.diff.removed.length.toLocaleString(locale),
              ])}
            </li>
            <li>
              {plural('options.data.unchangedCount', state.diff.unchanged, [
                state.diff.unchanged.toLocaleString(locale),
              ])}
            </li>
          </ul>
          {state.diff.added.length > 0 && (
            <>
              <h5>{i18n.t('options.data.addedHeading')}</h5>
              <ul class="examples">
                {state.diff.added.slice(0, EXAMPLES).map((r) => (
                  <li key={r.id}>{r.name}</li>
                ))}
                <More total={state.diff.added.length} locale={locale} />
              </ul>
            </>
          )}
          {state.diff.changed.length > 0 && (
            <>
              <h5>{i18n.t('options.data.changedHeading')}</h5>
              <ul class="examples">
                {state.diff.changed.slice(0, EXAMPLES).map((c) => (
                  <li key={c.id}>
                    {c.name}
                    <ul>
                      {c.changes.map((change) => (
                        <li key={change.field}>
                          {i18n.t('options.data.fieldChange', [
                            fieldName(change.field),
                            valueText(change, change.before),
                            valueText(change, change.after),
                          ])}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
                <More total={state.diff.changed.length} locale={locale} />
              </ul>
            </>
          )}
          {state.diff.removed.length > 0 && (
            <>
              <h5>{i18n.t('options.data.removedHeading')}</h5>
              <ul class="examples">
                {state.diff.removed.slice(0, EXAMPLES).map((r) => (
                  <li key={r.id}>{r.name}</li>
                ))}
                <More total={state.diff.removed.length} locale={locale} />
              </ul>
            </>
          )}
          {state.warnings.length > 0 && (
            <div class="warnings">
              <h5>{i18n.t('options.data.warningsHeading')}</h5>
              <p class="help">{i18n.t('options.data.warningsHelp')}</p>
              <ul>
                {state.warnings.slice(0, PROBLEMS_SHOWN).map((w, i) => (
                  <li key={i}>{warningText(w, locale)}</li>
                ))}
                <More total={state.warnings.length} shown={PROBLEMS_SHOWN} locale={locale} />
              </ul>
            </div>
          )}
          {state.asOf === null && (
            <div class="field">
              <MonthField
                id={`${id}-asof`}
                legend={i18n.t('options.data.asOfLabel')}
                value={asOfDraft}
                newestYear={Number(maxMonth.slice(0, 4))}
                locale={locale}
                invalid={!asOfValid}
                describedBy={`${id}-asof-help`}
                onChange={setAsOfDraft}
              />
              <p class="help" id={`${id}-asof-help`}>
                {asOfValid ? i18n.t('options.data.asOfHelp') : i18n.t('options.data.asOfInvalid')}
              </p>
            </div>
          )}
          <div class="buttons">
            <button
              type="button"
              class="primary"
              disabled={state.asOf === null && !asOfValid}
              onClick={() => void apply()}
            >
              {i18n.t('options.data.apply')}
            </button>
            <button
              type="button"
              onClick={() => {
                setState({ step: 'idle' });
                announce(i18n.t('options.data.cancelled'));
              }}
            >
              {i18n.t('options.data.cancel')}
            </button>
          </div>
        </section>
      )}

      <h3>{i18n.t('options.data.manageHeading')}</h3>
      <div class="buttons">
        <button
          type="button"
          onClick={() => onExport(datasetToCsv(active), exportFileName(active, 'csv'), 'text/csv')}
        >
          {i18n.t('options.data.exportCsv')}
        </button>
        <button
          type="button"
          onClick={() =>
            onExport(
              datasetToJson(active, new Date()),
              exportFileName(active, 'json'),
              'application/json',
            )
          }
        >
          {i18n.t('options.data.exportJson')}
        </button>
        <button
          type="button"
          disabled={active.origin === 'bundled' && !storedUnreadable}
          aria-describedby={`${id}-reset-help`}
          onClick={() => void onReset()}
        >
          {i18n.t('options.data.reset')}
        </button>
      </div>
      <p class="help" id={`${id}-reset-help`}>
        {i18n.t('options.data.resetHelp')}
      </p>
    </div>
  );
}
