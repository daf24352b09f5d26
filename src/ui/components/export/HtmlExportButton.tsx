import { useState } from 'react';
import { buildReportHtml } from '../../../core/report-html.ts';
import type { Report } from '../../../report/schema.ts';
import type { FileSets } from '../../../pipeline/browser-env.ts';
import { browserThumbnails } from './browser-thumbnails.ts';
import { download } from './download.ts';

/** The self-contained HTML report: scores, comparison, top gallery items as embedded thumbnails. */
export function HtmlExportButton({ report, files }: { report: Report; files: FileSets | null }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onClick = async () => {
    setBusy(true);
    setError(null);
    try {
      const thumbnails = await browserThumbnails(report, files);
      const html = buildReportHtml(report, { thumbnails, generator: 'the SynthScore app' });
      download(`synthscore-${report.createdAt.replace(/[:.]/g, '-')}.html`, 'text/html', html);
    } catch (e) {
      setError(`The HTML report could not be made: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button data-testid="export-html" disabled={busy} onClick={onClick}
        title="One .html file to send: scores, comparison and the top items as small images; no script, no external link">
        {busy ? 'Making the HTML report…' : 'Download HTML report'}
      </button>
      {error && <span className="error" role="alert">{error}</span>}
    </>
  );
}
