// Builds the demo dataset into demo/ (or the folder given): `npx tsx scripts/build-demo-data.ts [out]`.
import { buildDemoSets, DEMO_EFFECTS } from './demo-data/build-sets.ts';

const out = process.argv[2] ?? 'demo';
await buildDemoSets(out);
console.error(`Demo data written to ${out}/:`);
for (const [set, what] of Object.entries(DEMO_EFFECTS)) console.error(`  ${set.padEnd(8)} ${what}`);
