/** Choosing what to import: native dialogs in Electron, file inputs and drag and drop in the browser. */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { dropNativeFiles, pickNativeFiles, type PickedFile } from '../../api';
import { readDrop, readFileList, type UploadFile } from './readFiles';

export type ImportSource = { kind: 'picked'; picked: PickedFile[] } | { kind: 'files'; files: UploadFile[] };

interface Props {
  onPicked: (source: ImportSource) => void;
  onError: (error: unknown) => void;
  busy: boolean;
}

export function FilePicker({ onPicked, onError, busy }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(false);

  // React does not know the folder-picker attribute; set it on the element.
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
    folderInput.current?.setAttribute('directory', '');
  }, []);

  const read = async (load: () => Promise<UploadFile[]>) => {
    setReading(true);
    try {
      const files = await load();
      if (files.length === 0) throw new Error('No readable files were picked (hidden files are skipped).');
      onPicked({ kind: 'files', files });
    } catch (error) {
      onError(error);
    } finally {
      setReading(false);
    }
  };

  const pick = async (kind: 'files' | 'folder') => {
    const native = pickNativeFiles(kind);
    if (native) {
      const picked = await native;
      if (picked.length) onPicked({ kind: 'picked', picked });
      return;
    }
    (kind === 'files' ? fileInput : folderInput).current?.click();
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (busy) return;
    // Electron: the shell reads dropped files by handle (no copy through the page); the browser uploads them.
    const native = dropNativeFiles([...e.dataTransfer.files]);
    if (native) {
      void native.then((picked) => (picked.length ? onPicked({ kind: 'picked', picked }) : onError(new Error('Nothing readable was dropped.'))), onError);
      return;
    }
    void read(() => readDrop(e.dataTransfer));
  };

  const onInput = (input: HTMLInputElement) => {
    const files = input.files ? [...input.files] : [];
    input.value = '';
    if (files.length) void read(() => readFileList(files));
  };

  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-dropzone"
    >
      <p className="dropzone-title">{reading ? 'Reading files…' : 'Drop files or a folder here'}</p>
      <p className="muted small">or</p>
      <div className="row dropzone-buttons">
        <button type="button" className="primary" disabled={busy || reading} onClick={() => void pick('files')}>
          Choose files…
        </button>
        <button type="button" disabled={busy || reading} onClick={() => void pick('folder')}>
          Choose a folder…
        </button>
      </div>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        data-testid="import-file-input"
        accept=".json,.jsonl,.zip,.csv,.tsv,.txt,.md,.markdown,.apkg,.colpkg"
        onChange={(e) => onInput(e.currentTarget)}
      />
      <input ref={folderInput} type="file" multiple hidden data-testid="import-folder-input" onChange={(e) => onInput(e.currentTarget)} />
    </div>
  );
}
