// Worker-thread entry for a command-line run (see run-thread.ts). Plain JS that registers tsx
// first: worker threads do not inherit the CLI's TypeScript loader.
import { register } from 'tsx/esm/api';

register();
await import('./run-thread-worker.ts');
