// The registry: each modality's pipeline and what it needs from its platform. The dispatcher
// (runRequest) is the only place that picks a pipeline by the request's `modality`; a new
// modality is one folder and one line in each of the two maps below (docs/architecture.md).
import type { ProgressCallback } from '../core/progress.ts';
import type { Modality, Report, SkippedItem } from '../report/schema.ts';
import type { TableIo } from '../ingest/table/types.ts';
import type { PipelineEnv } from './image/environment.ts';
import type { RequestOf, RunRequest } from './run-request.ts';
import { scoreImages } from './image/score-images.ts';
import { scoreTable } from './table/score-table.ts';
import { scoreText } from './text/score-text.ts';
import type { TextPipelineEnv } from './text/embed-texts.ts';

export interface RunHooks {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  onSkipped?: (s: SkippedItem) => void;
  onWarning?: (w: string) => void;
  /** The report before its panel (scores, comparisons, reference), for a host that shows the
   *  headline first (issue 14); image and text call it, tables compute their panel inline. */
  onHeadline?: (r: Report) => void;
}

/** What each modality's pipeline needs from the platform it runs on. */
export interface EnvOf {
  image: PipelineEnv;
  text: TextPipelineEnv;
  table: TableIo;
}

type Pipeline<M extends Modality> = (req: RequestOf<M>, env: EnvOf[M], hooks: RunHooks) => Promise<Report>;

export const PIPELINES: { [M in Modality]: Pipeline<M> } = {
  image: scoreImages,
  text: scoreText,
  table: scoreTable,
};

/** A platform's environments, one opener per modality; what an opener opens is closed after the run. */
export type EnvOpeners = { [M in Modality]: (req: RequestOf<M>) => Promise<EnvOf[M] & { close(): Promise<void> }> };

/** Runs a request through its modality's pipeline in the environment the platform opens for it. */
export function runRequest(req: RunRequest, open: EnvOpeners, hooks: RunHooks = {}): Promise<Report> {
  return dispatch(req.modality, req as RequestOf<typeof req.modality>, open, hooks);
}

async function dispatch<M extends Modality>(modality: M, req: RequestOf<M>, open: EnvOpeners, hooks: RunHooks): Promise<Report> {
  const env = await open[modality](req);
  try {
    return await PIPELINES[modality](req, env, hooks);
  } finally {
    await env.close();
  }
}
