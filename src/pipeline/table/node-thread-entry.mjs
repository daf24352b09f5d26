// Worker-thread entry for a command-line table run (see node-thread.ts). Plain JS that registers
// tsx first: worker threads do not inherit the CLI's TypeScript loader.
import { register } from 'tsx/esm/api';

register();
await import('./node-thread-worker.ts');
