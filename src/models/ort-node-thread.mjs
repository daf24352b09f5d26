// Worker-thread entry that owns one onnxruntime-node session, exposed through comlink (see
// node-thread.ts). onnxruntime-node's run() blocks the calling thread, so running it here leaves
// the main thread free to read and decode the next batch meanwhile. Plain JS: worker threads do
// not inherit the CLI's TypeScript loader, and this one starts faster without it.
import { parentPort } from 'node:worker_threads';
import { expose, transfer } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import ort from 'onnxruntime-node';

/** @type {Promise<ort.InferenceSession> | undefined} */
let session;

expose({
  async load(model, options) {
    session = ort.InferenceSession.create(model, options);
    const s = await session;
    return { inputNames: [...s.inputNames], outputNames: [...s.outputNames] };
  },
  async run(feeds, output) {
    const tensors = Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, new ort.Tensor(t.type, t.data, t.dims)]));
    const out = await (await session).run(tensors);
    // Copy out of ORT's buffer into one we own, so it can be transferred without a second copy.
    const y = new Float32Array(out[output].data);
    return transfer(y, [y.buffer]);
  },
}, nodeEndpoint(parentPort));
