// Public surface of the engine.
export * from './analyse.ts';
export * from './auc.ts';
export * from './classifier-scores.ts';
export * from './crossval.ts';
export * from './errors.ts';
export * from './gemm.ts';
export * from './intervals.ts';
export * from './knn.ts';
export * from './logistic.ts';
export * from './near-duplicates.ts';
export * from './normalise.ts';
export * from './pca.ts';
export * from './per-class.ts';
export * from './progress.ts';
export * from './random.ts';
export * from '../report/schema.ts';
