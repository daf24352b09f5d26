// The table options' state: the user's choices (column types, detector, …) and, when every dropped
// set is a table, the inspection the options draw from (read again only when the sets change).
import { useMemo, useState } from 'react';
import type { Sets } from '../../hooks/useSets.ts';
import { DEFAULT_TABLE_CHOICES, tableInspector } from './table-run.ts';

export function useTableChoices(bridge: Parameters<typeof tableInspector>[0], sets: Pick<Sets, 'real' | 'synthetic' | 'allTables'>) {
  const [choices, setChoices] = useState(DEFAULT_TABLE_CHOICES);
  const { real, synthetic, allTables } = sets;
  const setIds = [real, ...synthetic].map((s) => s?.id).join(',');
  const inspect = useMemo(() => (allTables ? tableInspector(bridge, [real!, ...synthetic]) : null), [bridge, allTables, setIds]); // eslint-disable-line react-hooks/exhaustive-deps
  return { inspect, choices, setChoices };
}
