// "Use my own model…" (issue 15, docs/models.md "Your own model"): pick a local .onnx (read by this
// page, never uploaded), see what its graph says, fill in what it cannot (size, layout, range or
// mean/std, colour order, output), and keep it once a trial run on one blank image in the worker
// has worked. Every failure names the file and the problem (not ONNX, truncated, wrong input
// shape, output of the wrong size or NaN); nothing is kept until the trial run has passed.
import { useState, type ReactNode } from 'react';
import type { ModelManifest } from '../../../models/manifest.ts';
import type { UserModel } from '../../../models/model-choice.ts';
import { inspectOnnx, type OnnxInspection } from '../../../models/onnx-inspect.ts';
import { MAX_USER_MODEL_BYTES, sha256Hex } from '../../../storage/user-models.ts';
import { fieldsFromInspection, graphDimension, graphMismatch, manifestOf, shapeText, type OwnModelFields } from './own-model-fields.ts';

export type TryModelResult = { ok: true; dimension: number; ms: number } | { ok: false; error: string };

/** The worker side of the trial run (ScoreBridge.tryModel). */
export interface ModelTrier {
  tryModel(manifest: ModelManifest, bytes: Uint8Array): Promise<TryModelResult>;
}

export interface OwnModelFormProps {
  trier: ModelTrier;
  /** Keeps the checked model and chooses it; rejects with a message (e.g. storage full). */
  onKeep(model: UserModel): Promise<void>;
  onClose(): void;
}

interface Picked {
  file: File;
  bytes: Uint8Array;
  sha256: string;
  graph: OnnxInspection;
}

type Phase = 'idle' | 'reading' | 'checking' | 'keeping';

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

export function OwnModelForm({ trier, onKeep, onClose }: OwnModelFormProps) {
  const [picked, setPicked] = useState<Picked | null>(null);
  const [fields, setFields] = useState<OwnModelFields | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<string | null>(null);

  const pick = async (file: File | undefined) => {
    setPicked(null);
    setFields(null);
    setError(null);
    if (!file) return;
    if (file.size > MAX_USER_MODEL_BYTES) {
      setError(`"${file.name}" is ${mb(file.size)}: a single .onnx file cannot exceed 2 GiB (larger models keep their weights in external data files, which this form cannot take).`);
      return;
    }
    setPhase('reading');
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const graph = inspectOnnx(bytes);
      const sha256 = await sha256Hex(bytes);
      setPicked({ file, bytes, sha256, graph });
      setFields(fieldsFromInspection(file.name, graph));
    } catch (e) {
      setError(`"${file.name}" cannot be used: ${(e as Error).message}.`);
    } finally {
      setPhase('idle');
    }
  };

  const checkAndKeep = async () => {
    if (!picked || !fields) return;
    const { file, bytes, sha256, graph } = picked;
    const fail = (why: string) => setError(`"${file.name}" cannot be used: ${why}.`);
    setError(null);
    let manifest: ModelManifest;
    try {
      manifest = manifestOf(fields, { name: file.name, size: bytes.byteLength, sha256 }, graphDimension(graph, fields.outputName) ?? 0);
    } catch (e) {
      setError((e as Error).message);
      return;
    }
    const mismatch = graphMismatch(graph, fields);
    if (mismatch) return fail(mismatch);
    setPhase('checking');
    try {
      const trial = await trier.tryModel(manifest, bytes);
      if (!trial.ok) return fail(`the trial run on one blank image failed: ${trial.error}`);
      const expected = graphDimension(graph, fields.outputName);
      if (expected && trial.dimension !== expected) return fail(`output wrong size: the graph says output "${fields.outputName}" has ${expected} values per image, the trial run gave ${trial.dimension}`);
      manifest = { ...manifest, output: { ...manifest.output, dimension: trial.dimension } };
      setPhase('keeping');
      await onKeep({ sha256, fileName: file.name, manifest, bytes, addedAt: new Date().toISOString() });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPhase('idle');
    }
  };

  const set = <K extends keyof OwnModelFields>(k: K) => (v: OwnModelFields[K]) => setFields((f) => f && { ...f, [k]: v });
  const busy = phase !== 'idle';
  return (
    <fieldset className="own-model" data-testid="own-model-form">
      <legend>Use my own model</legend>
      <p className="hint" data-testid="own-model-local">
        Your .onnx file stays on this computer: this page reads it and keeps it in this browser’s storage; it is never uploaded.
        Models of a few hundred MB fit comfortably; one .onnx file stops at 2 GB.
      </p>
      <label>
        Model file (.onnx){' '}
        <input type="file" accept=".onnx" data-testid="own-model-file" disabled={busy}
          onChange={(e) => void pick(e.currentTarget.files?.[0])} />
      </label>
      {phase === 'reading' && <p role="status">Reading the file…</p>}
      {picked && fields && (
        <>
          <p className="graph" data-testid="own-model-graph">
            {picked.file.name} · {mb(picked.bytes.byteLength)} · sha256 {picked.sha256.slice(0, 12)}…{picked.graph.producer && ` · made by ${picked.graph.producer}`}
            <br />inputs: {picked.graph.inputs.map((i) => `${i.name} ${shapeText(i)}`).join('; ')}
            <br />outputs: {picked.graph.outputs.map((o) => `${o.name} ${shapeText(o)}`).join('; ')}
          </p>
          <div className="fields">
            <Field label="Name"><input data-testid="own-model-name" value={fields.name} onChange={(e) => set('name')(e.currentTarget.value)} /></Field>
            <Field label="Input">
              <select data-testid="own-model-input" value={fields.inputName} onChange={(e) => set('inputName')(e.currentTarget.value)}>
                {picked.graph.inputs.map((i) => <option key={i.name} value={i.name}>{i.name}</option>)}
              </select>
            </Field>
            <Field label="Width"><input data-testid="own-model-width" inputMode="numeric" size={5} value={fields.width} onChange={(e) => set('width')(e.currentTarget.value)} /></Field>
            <Field label="Height"><input data-testid="own-model-height" inputMode="numeric" size={5} value={fields.height} onChange={(e) => set('height')(e.currentTarget.value)} /></Field>
            <Field label="Layout">
              <select data-testid="own-model-layout" value={fields.layout} onChange={(e) => set('layout')(e.currentTarget.value as OwnModelFields['layout'])}>
                <option value="NHWC">NHWC (pixels, channels last)</option>
                <option value="NCHW">NCHW (channels first)</option>
              </select>
            </Field>
            <Field label="Pixel values from"><input data-testid="own-model-range-lo" size={5} value={fields.rangeLo} onChange={(e) => set('rangeLo')(e.currentTarget.value)} /></Field>
            <Field label="to"><input data-testid="own-model-range-hi" size={5} value={fields.rangeHi} onChange={(e) => set('rangeHi')(e.currentTarget.value)} /></Field>
            <Field label="then minus mean (3 numbers, optional)"><input data-testid="own-model-mean" placeholder="e.g. 0.485 0.456 0.406" value={fields.mean} onChange={(e) => set('mean')(e.currentTarget.value)} /></Field>
            <Field label="divided by std"><input data-testid="own-model-std" placeholder="e.g. 0.229 0.224 0.225" value={fields.std} onChange={(e) => set('std')(e.currentTarget.value)} /></Field>
            <Field label="Colour order">
              <select data-testid="own-model-colour" value={fields.colour} onChange={(e) => set('colour')(e.currentTarget.value as OwnModelFields['colour'])}>
                <option value="RGB">RGB</option>
                <option value="BGR">BGR</option>
              </select>
            </Field>
            <Field label="Output (one vector per image)">
              <select data-testid="own-model-output" value={fields.outputName} onChange={(e) => set('outputName')(e.currentTarget.value)}>
                {picked.graph.outputs.map((o) => <option key={o.name} value={o.name}>{o.name}</option>)}
              </select>
            </Field>
            <Field label="Near-duplicate distance (used only when a real set is too small to calibrate its own)">
              <input data-testid="own-model-threshold" size={6} value={fields.threshold} onChange={(e) => set('threshold')(e.currentTarget.value)} />
            </Field>
          </div>
        </>
      )}
      {error && <p className="error" role="alert" data-testid="own-model-error">{error}</p>}
      {phase === 'checking' && <p role="status">Trying the model on one image…</p>}
      <button data-testid="own-model-keep" disabled={!picked || busy} onClick={() => void checkAndKeep()}>Check and use this model</button>
      {' '}<button data-testid="own-model-cancel" disabled={busy} onClick={onClose}>Cancel</button>
    </fieldset>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return <label className="field">{label} {children}</label>;
}
