import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { Side } from '../../report/schema.ts';
import { collectDataTransfer, collectInputFiles, type CollectedSet } from '../../ingest/browser-walk.ts';

/** A drop target for whole folders, with a folder picker and a file picker beside it. */
export function DropZone(props: { side: Side; label: string; testId: string; onCollected(set: CollectedSet): void }) {
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // Not in React's typings; the attribute makes the input pick a folder, recursively.
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    setBusy(true);
    try {
      // The event's time starts the page's listing measure (browser-walk.ts listCollected).
      props.onCollected({ ...(await collectDataTransfer(e.dataTransfer.items, props.side)), startedAt: e.timeStamp });
    } finally {
      setBusy(false);
    }
  };
  const onPick = (files: FileList | null, startedAt: number) => {
    if (files && files.length) props.onCollected({ ...collectInputFiles(files), startedAt });
  };

  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      data-testid={props.testId}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="label">{props.label}</p>
      <p className="hint">{busy ? 'Reading folder…' : 'Drop a folder here, or'}</p>
      <label className="button">
        Choose folder
        <input ref={folderInput} type="file" multiple data-testid={`${props.testId}-folder`}
          onChange={(e) => { onPick(e.target.files, e.timeStamp); e.target.value = ''; }} />
      </label>
      <label className="button">
        Choose files
        <input type="file" multiple accept="image/*,.csv,.tsv,.json,.jsonl,.parquet" data-testid={`${props.testId}-files`}
          onChange={(e) => { onPick(e.target.files, e.timeStamp); e.target.value = ''; }} />
      </label>
    </div>
  );
}
