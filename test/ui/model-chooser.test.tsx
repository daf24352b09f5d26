// The image model chooser with the user's own model (issue 15): a real .onnx (the built MobileNet,
// renamed) passes a real trial run (onnxruntime-node here, the worker in the app), is kept in
// IndexedDB (fake-indexeddb here), listed with the built-ins and chosen; the choice outlives the
// page; removing the model goes back to the default.
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { ModelManifest } from '../../src/models/manifest.ts';
import { trialImageModel } from '../../src/models/image-embedder.ts';
import { nodeRuntime } from '../../src/models/ort-node.ts';
import { getUserModel } from '../../src/storage/user-models.ts';
import { ModelChooser } from '../../src/ui/components/model/ModelChooser.tsx';
import type { ModelTrier } from '../../src/ui/components/model/OwnModelForm.tsx';
import { MODEL_CHOICE_KEY, useModelChoice } from '../../src/ui/hooks/useModelChoice.ts';

afterEach(cleanup);

/** The trial run the worker does (ScoreBridge.tryModel), on Node's runtime. */
const nodeTrier: ModelTrier = {
  async tryModel(manifest: ModelManifest, bytes: Uint8Array) {
    const session = await nodeRuntime(1).createSession(bytes, `the model ${manifest.id}`);
    try {
      return { ok: true, ...(await trialImageModel(session, manifest)) };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    } finally {
      await session.release();
    }
  },
};

function Page() {
  const models = useModelChoice();
  return <ModelChooser models={models} trier={nodeTrier} disabled={false} />;
}

const select = () => screen.getByTestId('model-select') as HTMLSelectElement;

it('keeps a checked model of the user\'s, lists it with the built-ins, chooses it and remembers it', async () => {
  const bytes = new Uint8Array(await readFile('public/models/mobilenet-v2-1.4-nsfwjs/model.onnx'));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  render(<Page />);
  expect(select().value).toBe('builtin:mobilenet-v2-1.4-nsfwjs');
  fireEvent.change(select(), { target: { value: 'own' } });
  fireEvent.change(screen.getByTestId('own-model-file'), { target: { files: [new File([bytes], 'renamed.onnx')] } });
  await waitFor(() => expect(screen.getByTestId('own-model-graph')).toBeTruthy(), { timeout: 20_000 });
  fireEvent.click(screen.getByTestId('own-model-keep'));
  await waitFor(() => expect(screen.queryByTestId('own-model-form')).toBeNull(), { timeout: 60_000 });
  expect(select().value).toBe(`user:${sha256}`);
  expect(screen.getByRole('option', { selected: true }).textContent).toBe('renamed (your model: renamed.onnx, 1792-d, 224×224)');
  expect(JSON.parse(localStorage.getItem(MODEL_CHOICE_KEY)!)).toEqual({ kind: 'user', sha256 });
  // Kept whole, with the dimension the trial run measured, for the worker to load by its hash.
  const kept = await getUserModel(sha256);
  expect(kept && createHash('sha256').update(kept.bytes).digest('hex')).toBe(sha256);
  expect(kept?.manifest).toMatchObject({ id: 'renamed', input: { width: 224, height: 224, layout: 'NHWC', range: [0, 1] }, output: { name: 'embedding', dimension: 1792 } });

  // A new page finds it chosen; removing it goes back to the default.
  cleanup();
  render(<Page />);
  await waitFor(() => expect(screen.getByTestId('model-chosen-file').textContent).toContain('renamed.onnx'));
  expect(select().value).toBe(`user:${sha256}`);
  await act(async () => { fireEvent.click(screen.getByTestId('model-remove')); });
  await waitFor(() => expect(select().value).toBe('builtin:mobilenet-v2-1.4-nsfwjs'));
  expect(await getUserModel(sha256)).toBeUndefined();
  expect(screen.queryByRole('option', { name: /renamed/ })).toBeNull();
}, 120_000);

it('says what the trial run found when the range makes the model return NaN, and keeps nothing', async () => {
  const bytes = new Uint8Array(await readFile('public/models/mobilenet-v2-1.4-nsfwjs/model.onnx'));
  render(<Page />);
  fireEvent.change(select(), { target: { value: 'own' } });
  fireEvent.change(screen.getByTestId('own-model-file'), { target: { files: [new File([bytes], 'nan.onnx')] } });
  await waitFor(() => expect(screen.getByTestId('own-model-graph')).toBeTruthy(), { timeout: 20_000 });
  // Pixels of 1e38 overflow float32 inside the network: the output is not finite.
  fireEvent.change(screen.getByTestId('own-model-range-hi'), { target: { value: '1e38' } });
  fireEvent.click(screen.getByTestId('own-model-keep'));
  await waitFor(() => expect(screen.getByTestId('own-model-error').textContent).toMatch(/"nan\.onnx" cannot be used: the trial run on one blank image failed: .*(NaN|Infinity)/), { timeout: 60_000 });
  expect(select().value).toBe('own');
  expect(screen.queryByRole('option', { name: /nan \(your model/ })).toBeNull();
}, 120_000);
