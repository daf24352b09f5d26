// "Use my own model…" (issue 15): the form reads a real .onnx (the built MobileNet, under another
// name) and fills in what its graph says; a text file named .onnx, and a size that contradicts the
// graph, get a message naming the file and the problem, and nothing is tried or kept.
import { readFile } from 'node:fs/promises';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { UserModel } from '../../src/models/model-choice.ts';
import { OwnModelForm, type ModelTrier } from '../../src/ui/components/model/OwnModelForm.tsx';

afterEach(cleanup);

const MODEL = 'public/models/mobilenet-v2-1.4-nsfwjs/model.onnx';

/** The trial run must not be reached when the form can already tell what is wrong. */
const unreachable: ModelTrier = { tryModel: () => Promise.reject(new Error('the trial run was reached')) };

function renderForm(trier: ModelTrier = unreachable) {
  const kept: UserModel[] = [];
  render(<OwnModelForm trier={trier} onKeep={async (m) => { kept.push(m); }} onClose={() => {}} />);
  return kept;
}

const pick = (bytes: Uint8Array | string, name: string) =>
  fireEvent.change(screen.getByTestId('own-model-file'), { target: { files: [new File([bytes as BlobPart], name)] } });
const value = (id: string) => (screen.getByTestId(id) as HTMLInputElement | HTMLSelectElement).value;

it('says the file stays on this computer', () => {
  renderForm();
  expect(screen.getByTestId('own-model-local').textContent).toMatch(/never uploaded/);
});

it('fills in the input size, layout and output from a real .onnx', async () => {
  renderForm();
  pick(new Uint8Array(await readFile(MODEL)), 'my-encoder.onnx');
  await waitFor(() => expect(screen.getByTestId('own-model-graph')).toBeTruthy(), { timeout: 20_000 });
  expect(value('own-model-width')).toBe('224');
  expect(value('own-model-height')).toBe('224');
  expect(value('own-model-layout')).toBe('NHWC');
  expect(value('own-model-input')).toBe('input');
  expect(value('own-model-output')).toBe('embedding');
  expect(value('own-model-name')).toBe('my-encoder');
  // What the graph cannot say starts at the pipeline's own pixels: RGB in [0, 1].
  expect([value('own-model-range-lo'), value('own-model-range-hi'), value('own-model-colour')]).toEqual(['0', '1', 'RGB']);
  const graph = screen.getByTestId('own-model-graph').textContent ?? '';
  expect(graph).toContain('my-encoder.onnx');
  expect(graph).toMatch(/input \[\?, 224, 224, 3\]/);
  expect(graph).toMatch(/embedding \[\?, 1792\]/);
  expect(screen.queryByTestId('own-model-error')).toBeNull();
  expect((screen.getByTestId('own-model-keep') as HTMLButtonElement).disabled).toBe(false);
});

it('refuses a text file named .onnx, naming the file', async () => {
  const kept = renderForm();
  pick('name,score\nalpha,1\nbeta,2\n', 'notes.onnx');
  await waitFor(() => expect(screen.getByTestId('own-model-error').textContent).toMatch(/"notes\.onnx" cannot be used: the file is text, not an ONNX model/));
  expect(screen.queryByTestId('own-model-graph')).toBeNull();
  expect((screen.getByTestId('own-model-keep') as HTMLButtonElement).disabled).toBe(true);
  expect(kept).toEqual([]);
});

it('refuses a truncated .onnx, naming the file', async () => {
  renderForm();
  const bytes = new Uint8Array(await readFile(MODEL));
  pick(bytes.subarray(0, bytes.length >> 1), 'cut.onnx');
  await waitFor(() => expect(screen.getByTestId('own-model-error').textContent).toMatch(/"cut\.onnx" cannot be used: .*(truncated|ends early)/), { timeout: 20_000 });
});

it('says when the size given contradicts the graph, before any trial run', async () => {
  const kept = renderForm();
  pick(new Uint8Array(await readFile(MODEL)), 'my-encoder.onnx');
  await waitFor(() => expect(screen.getByTestId('own-model-graph')).toBeTruthy(), { timeout: 20_000 });
  fireEvent.change(screen.getByTestId('own-model-width'), { target: { value: '299' } });
  fireEvent.change(screen.getByTestId('own-model-height'), { target: { value: '299' } });
  fireEvent.click(screen.getByTestId('own-model-keep'));
  await waitFor(() => expect(screen.getByTestId('own-model-error').textContent)
    .toMatch(/"my-encoder\.onnx" cannot be used: wrong input shape: input "input" is \[\?, 224, 224, 3\]/));
  // NCHW at the right size contradicts the graph too.
  fireEvent.change(screen.getByTestId('own-model-width'), { target: { value: '224' } });
  fireEvent.change(screen.getByTestId('own-model-height'), { target: { value: '224' } });
  fireEvent.change(screen.getByTestId('own-model-layout'), { target: { value: 'NCHW' } });
  fireEvent.click(screen.getByTestId('own-model-keep'));
  await waitFor(() => expect(screen.getByTestId('own-model-error').textContent).toMatch(/NCHW at 224×224 means \[N, 3, 224, 224\]/));
  expect(kept).toEqual([]);
});

it('names the field when a value is not a number', async () => {
  renderForm();
  pick(new Uint8Array(await readFile(MODEL)), 'my-encoder.onnx');
  await waitFor(() => expect(screen.getByTestId('own-model-graph')).toBeTruthy(), { timeout: 20_000 });
  fireEvent.change(screen.getByTestId('own-model-mean'), { target: { value: '0.5 0.5' } });
  fireEvent.change(screen.getByTestId('own-model-std'), { target: { value: '0.5 0.5 0.5' } });
  fireEvent.click(screen.getByTestId('own-model-keep'));
  await waitFor(() => expect(screen.getByTestId('own-model-error').textContent).toMatch(/^mean: give three numbers/));
});
