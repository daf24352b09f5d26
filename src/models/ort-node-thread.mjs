// Worker-thread entry that owns one onnxruntime-node session. onnxruntime-node's run() blocks
// the calling thread, so running it here leaves the main thread free to read and decode the
// next batch meanwhile. Plain JS: worker threads do not inherit the CLI's TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import ort from 'onnxruntime-node';

const { file, options, inputName, outputName, shape } = workerData;
const ready = ort.InferenceSession.create(file, options);
ready.then(
  () => parentPort.postMessage({ ready: true }),
  (e) => parentPort.postMessage({ ready: false, error: String(e?.message ?? e) }),
);

parentPort.on('message', async ({ id, batch, n }) => {
  try {
    const session = await ready;
    const out = await session.run({ [inputName]: new ort.Tensor('float32', batch, [n, ...shape]) });
    const y = out[outputName].data;
    // Copy out of ORT's buffer into one we own, so it can be transferred without a second copy.
    const owned = new Float32Array(y);
    parentPort.postMessage({ id, y: owned }, [owned.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, error: String(e?.message ?? e) });
  }
});
