// One run request for every modality, tagged by `modality`: the App, the hook, the bridge, the
// worker and the CLI pass it along unopened, and one dispatcher (runRequest in modalities.ts)
// hands it to the modality's pipeline. A new modality adds its member and its CANCEL_BY entry here
// (docs/architecture.md lists every registry; the compiler points at each).
import type { Modality } from '../report/schema.ts';
import type { ImageScoreRequest } from './image/score-images.ts';
import type { ScoreTableRequest } from './table/score-table.ts';
import type { TextScoreRequest } from './text/score-text.ts';

export type RunRequest =
  | ({ modality: 'image' } & ImageScoreRequest)
  | ({ modality: 'text' } & TextScoreRequest)
  | ({ modality: 'table' } & ScoreTableRequest);

/** The request of one modality. */
export type RequestOf<M extends Modality> = Extract<RunRequest, { modality: M }>;

/**
 * How a run of each modality is cancelled: 'signal' stops it at its next check and keeps what the
 * platform loaded (the model); 'terminate' ends the thread or worker it runs in, because its long
 * synchronous loops would hold off a signal. Here, not in modalities.ts, so the page's bridge can
 * read it without bundling the pipelines.
 */
export const CANCEL_BY: Record<Modality, 'signal' | 'terminate'> = { image: 'signal', text: 'signal', table: 'terminate' };
