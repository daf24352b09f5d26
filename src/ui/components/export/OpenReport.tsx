import { useEffect, useRef, useState } from 'react';
import { parseReport } from '../../../core/report-parse.ts';
import type { Report } from '../../../report/schema.ts';

const isJson = (f: File) => /\.json$/i.test(f.name) || f.type === 'application/json';

/**
 * Opens a SynthScore JSON report (from the app or `synthscore score --json`) without its data:
 * a file picker, and a .json file dropped anywhere on the page outside the folder drop zones.
 */
export function OpenReport({ onOpen }: { onOpen(report: Report, fileName: string): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async (file: File) => {
    try {
      const report = parseReport(await file.text(), `"${file.name}"`);
      setError(null);
      onOpen(report, file.name);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(() => {
    const over = (e: DragEvent) => {
      if ([...(e.dataTransfer?.items ?? [])].some((i) => i.kind === 'file')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      // The folder drop zones handle their own drops (and call preventDefault).
      if (e.defaultPrevented) return;
      const files = [...(e.dataTransfer?.files ?? [])];
      e.preventDefault();
      const json = files.find(isJson);
      if (json) void openRef.current(json);
      else if (files.length) setError('Drop a SynthScore JSON report (.json) here, or drop folders on the Real / Synthetic zones.');
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <span className="open-report">
      <button data-testid="open-report" onClick={() => input.current?.click()} title="Show a saved SynthScore report (.json) without its data">
        Open a report…
      </button>
      <input ref={input} type="file" accept=".json,application/json" hidden data-testid="open-report-file"
        onChange={(e) => { const f = e.target.files?.[0]; if (f) void open(f); e.target.value = ''; }} />
      {error && <span className="error" role="alert" data-testid="open-report-error">{error}</span>}
    </span>
  );
}
