/** Import: pick files, see a dry run with exact counts, then import and read the report. */
import { useEffect, useMemo, useState } from 'react';
import { ApiError, onProgress } from '../../api';
import { ErrorBox, Loading, PageHeader } from '../../components/common';
import { useApiMutation } from '../../queries';
import type { Input, ProgressEvent } from '../../../shared/contract';
import type { ImportFormat } from '../../../shared/types';
import { useDebounced } from '../library/useDebounced';
import { FilePicker, type ImportSource } from './FilePicker';
import { FormatsHelp } from './FormatsHelp';
import { ImportPreview } from './ImportPreview';
import { ImportReport } from './ImportReport';
import { DEFAULT_ROWS, MappingEditor, mapRecord, suggestedRows, type MapRow } from './MappingEditor';
import { describeUploads } from './readFiles';

const FORMATS: { value: ImportFormat | ''; label: string }[] = [
  { value: '', label: 'Detect automatically' },
  { value: 'native', label: 'Vignette pack (native)' },
  { value: 'medqa', label: 'MedQA JSONL' },
  { value: 'csv', label: 'CSV / TSV' },
  { value: 'json-map', label: 'JSON array + field mapping' },
  { value: 'notes', label: 'Markdown notes' },
];

function describe(source: ImportSource): string {
  if (source.kind === 'files') return describeUploads(source.files);
  const names = source.picked.map((p) => p.name);
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** The import after a preview: the preview's stage (what it parsed and checked) instead of sending the files again. */
function commitInput(input: Input<'packs:import'>, stageId: string | undefined): Input<'packs:import'> {
  if (!stageId) return { ...input, dryRun: false };
  const { files: _files, handles: _handles, paths: _paths, ...options } = input;
  return { ...options, stageId, dryRun: false };
}

export function ImportPage() {
  const [source, setSource] = useState<ImportSource | null>(null);
  const [pickError, setPickError] = useState<unknown>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [rows, setRows] = useState<MapRow[]>(DEFAULT_ROWS);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const mapJson = useDebounced(JSON.stringify(mapRecord(rows)), 400);
  const preview = useApiMutation('packs:import');
  const run = useApiMutation('packs:import');

  const map = JSON.parse(mapJson) as Record<string, string>;
  const mapIncomplete = format === 'json-map' && !(map.stem && map.choices && map.answer);
  const input = useMemo((): Input<'packs:import'> | null => {
    if (!source) return null;
    const m = JSON.parse(mapJson) as Record<string, string>;
    return {
      ...(source.kind === 'picked' ? { handles: source.picked.map((p) => p.handle) } : { files: source.files }),
      ...(format ? { format } : {}),
      // Only with the mapping editor on screen: a mapping left from an earlier file must not steer detection.
      ...(Object.keys(m).length && (format === 'json-map' || format === 'csv') ? { map: m } : {}),
      skipInvalid,
    };
  }, [source, format, mapJson, skipInvalid]);

  const { mutate: runPreview, reset: resetPreview } = preview;
  useEffect(() => {
    if (!input) return;
    if (mapIncomplete) resetPreview();
    else runPreview({ ...input, dryRun: true });
  }, [input, mapIncomplete, runPreview, resetPreview]);

  // A .json that is not a Vignette pack, or a CSV whose columns are not recognised, needs a mapping: switch to the
  // mapping editor instead of only showing the error. Once switched, the mapping's own problems show as errors.
  const details = preview.error instanceof ApiError ? preview.error.details : [];
  const csvColumnsUnknown = details.some((d) => d.line === undefined && d.item === undefined && ['stem', 'choices', 'answer'].includes(d.field ?? '') && /column/.test(d.message));
  const needsJsonMapping = format === '' && details.some((d) => d.field === 'map');
  const needsCsvMapping = format === '' && csvColumnsUnknown;
  const needsMapping = needsJsonMapping || needsCsvMapping;
  // A file whose shape Vignette knows (MedXpertQA) comes with the mapping it needs: filled in, for the user to check.
  const suggestion = needsJsonMapping ? JSON.stringify(details.map((d) => suggestedRows(d.message)).find(Boolean) ?? null) : 'null';
  const [suggested, setSuggested] = useState(false);
  useEffect(() => {
    if (needsJsonMapping) setFormat('json-map');
    else if (needsCsvMapping) setFormat('csv');
    const rows = JSON.parse(suggestion) as MapRow[] | null;
    if (rows) {
      setRows(rows);
      setSuggested(true);
    }
  }, [needsJsonMapping, needsCsvMapping, suggestion]);

  useEffect(() => {
    if (!run.isPending) return;
    setProgress(null);
    return onProgress((e) => e.kind === 'import' && setProgress(e));
  }, [run.isPending]);

  const startOver = () => {
    setSuggested(false);
    setSource(null);
    setPickError(null);
    preview.reset();
    run.reset();
  };

  if (run.data) {
    return (
      <>
        <PageHeader title="Import" subtitle="Questions and notes from files on this computer." />
        <ImportReport report={run.data} onAgain={startOver} />
      </>
    );
  }

  const canImport = !!input && !!preview.data && !preview.isPending && !run.isPending && !mapIncomplete;
  const showPreview = !!preview.data && !preview.isPending;
  const actions = (
    <>
      <ErrorBox error={run.error} title="Import failed — nothing was changed" />
      {run.isPending && (
        <div className="import-progress" aria-live="polite">
          {progress ? <progress value={progress.done} max={progress.total} /> : <progress />}
          <span className="muted small">{progress ? `${progress.label} (${progress.done} of ${progress.total})` : 'Importing…'}</span>
        </div>
      )}
      <div className="row import-actions">
        <button className="primary" data-testid="import-confirm" disabled={!canImport} onClick={() => input && run.mutate(commitInput(input, preview.data?.stageId))}>
          {run.isPending ? 'Importing…' : 'Import'}
        </button>
        <button onClick={startOver} disabled={run.isPending}>
          Cancel
        </button>
      </div>
    </>
  );
  return (
    <>
      <PageHeader title="Import" subtitle="Questions and notes from files on this computer. Nothing leaves your machine." />
      <div className="import-layout">
        <div>
          <section className="card" aria-labelledby="pick-heading">
            <h2 id="pick-heading">1. Choose what to import</h2>
            <FilePicker
              busy={run.isPending}
              onError={setPickError}
              onPicked={(s) => {
                setPickError(null);
                run.reset();
                setSource(s);
              }}
            />
            {source && (
              <p className="picked" data-testid="import-picked">
                <span className="muted">Picked:</span> <strong>{describe(source)}</strong>{' '}
                <button className="link" onClick={startOver} disabled={run.isPending}>
                  Clear
                </button>
              </p>
            )}
            <ErrorBox error={pickError} title="Could not read the files" />
            <div className="import-options">
              <label className="row-label">
                <span>Format</span>
                <select value={format} onChange={(e) => setFormat(e.target.value as ImportFormat | '')} data-testid="import-format">
                  {FORMATS.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="row-label">
                <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} data-testid="skip-invalid" />
                <span>Skip invalid items (import the valid ones and list the rest)</span>
              </label>
            </div>
            {suggested && format === 'json-map' && (
              <p className="notice" data-testid="mapping-suggested">
                Vignette recognised this file&apos;s layout and filled in the mapping it needs. Check the preview, then import.
              </p>
            )}
            {(format === 'json-map' || format === 'csv') && <MappingEditor kind={format === 'csv' ? 'csv' : 'json'} rows={rows} onChange={setRows} />}
          </section>

          {source && (
            <section className="card" aria-labelledby="preview-heading">
              <h2 id="preview-heading">2. Check and import</h2>
              {mapIncomplete && <p className="notice">Fill in the paths for stem, choices and answer to see what will be imported.</p>}
              {preview.isPending && <Loading label="Reading and checking every question…" />}
              {preview.error && !needsMapping && (
                <ErrorBox error={preview.error} title={preview.error instanceof ApiError && preview.error.code === 'IMPORT_INVALID' ? 'These files cannot be imported as they are' : 'Preview failed'} />
              )}
              {preview.error instanceof ApiError && preview.error.code === 'IMPORT_INVALID' && !skipInvalid && !needsMapping && (
                <p className="muted small">
                  {format === 'csv' && csvColumnsUnknown
                    ? 'Say in the field mapping above which columns hold the stem, the choices and the answer.'
                    : 'Fix the problems above and pick the files again, or tick “Skip invalid items” to import only the valid questions.'}
                </p>
              )}
              {showPreview && preview.data && <ImportPreview report={preview.data} actions={actions} />}
              {!showPreview && actions}
            </section>
          )}
        </div>
        <FormatsHelp />
      </div>
    </>
  );
}
