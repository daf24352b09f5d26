// Why a report has no real-vs-real reference (pipeline/reference.ts): one sentence the pipeline
// adds to the warnings, and the test the page uses to tell "not computed" from "still computing"
// while it shows a run's headline (the reference is computed after the scores, issue 17). Its own
// file so the page reads it without pulling the engine into the main bundle.

const NOT_COMPUTED = 'The real-vs-real reference was not computed';

/** The warning when half of the real set (`small` rows) is under the `need` rows a side needs. */
export function referenceNotComputed(small: number, need: number): string {
  return `${NOT_COMPUTED}: half of the real set is ${small} rows, and each side needs at least ${need}.`;
}

/** Whether a report's warnings say its reference will not come. */
export function saysReferenceNotComputed(warnings: readonly string[] | undefined): boolean {
  return !!warnings?.some((w) => w.startsWith(NOT_COMPUTED));
}
