// The run's progress and skipped files reach only the progress panel and the skipped list, at most
// once per frame: a burst of worker events costs one small render and the rest of the page
// (results, galleries) does not re-render.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressPanel } from '../../src/ui/components/ProgressPanel.tsx';
import { SkippedRunList } from '../../src/ui/components/SkippedRunList.tsx';
import { createProgressStore } from '../../src/ui/hooks/progress-store.ts';
import { createSkippedStore } from '../../src/ui/hooks/skipped-store.ts';

afterEach(cleanup);

/** A store whose notifications wait until the test flushes them, like an animation frame. */
function manualStore() {
  const queued: (() => void)[] = [];
  const store = createProgressStore((run) => queued.push(run));
  const flush = () => act(() => { queued.splice(0).forEach((run) => run()); });
  return { store, flush, queued };
}

describe('progress store', () => {
  it('applies every event at once but tells its subscribers once per frame', () => {
    const { store, queued } = manualStore();
    let told = 0;
    store.subscribe(() => told++);
    store.apply({ status: 'initiate', stage: 'embed real', done: 0, total: 300 }, 0);
    for (let i = 1; i <= 50; i++) store.apply({ status: 'progress', stage: 'embed real', done: i * 6, total: 300 }, i);
    expect(store.get()).toMatchObject([{ stage: 'embed real', status: 'progress', done: 300, total: 300, started: 0 }]);
    expect(queued.length).toBe(1);
    queued.splice(0).forEach((run) => run());
    expect(told).toBe(1);
    store.apply({ status: 'done', stage: 'embed real', done: 300, total: 300 }, 60);
    store.apply({ status: 'initiate', stage: 'analyse' }, 61);
    queued.splice(0).forEach((run) => run());
    expect(told).toBe(2);
    expect(store.get().map((s) => [s.stage, s.status, s.ended])).toEqual([['embed real', 'done', 60], ['analyse', 'initiate', undefined]]);
  });
});

describe('ProgressPanel', () => {
  it('shows counts as events arrive without re-rendering the rest of the page', () => {
    const { store, flush } = manualStore();
    let pageRenders = 0;
    function Results() {
      pageRenders++;
      return <p>results</p>;
    }
    render(<main><ProgressPanel progress={store} running /><Results /></main>);
    // The box is there from the start of the run, empty, so its first rows do not move the page.
    expect(screen.getByTestId('progress').querySelectorAll('li')).toHaveLength(0);
    act(() => {
      store.apply({ status: 'initiate', stage: 'read' });
      store.apply({ status: 'done', stage: 'read' });
      for (let i = 0; i <= 120; i++) store.apply({ status: 'progress', stage: 'embed real', done: i, total: 120 });
    });
    flush();
    const embed = screen.getByTestId('progress').querySelector('li[data-stage="embed real"]')!;
    expect(embed.querySelector('.count')!.textContent).toBe('120 / 120');
    expect(pageRenders).toBe(1);
    // A finished stage without counts shows a full bar, not an endless indeterminate animation.
    const read = screen.getByTestId('progress').querySelector('li[data-stage="read"] progress')!;
    expect(read.getAttribute('value')).toBe('1');
    expect(read.getAttribute('max')).toBe('1');
  });
});

describe('SkippedRunList', () => {
  it('lists a burst of skipped files after one render of its own, the page untouched', () => {
    const queued: (() => void)[] = [];
    const store = createSkippedStore((run) => queued.push(run));
    let pageRenders = 0;
    let listRenders = 0;
    function Results() {
      pageRenders++;
      return <p>results</p>;
    }
    function CountedList() {
      listRenders++;
      return <SkippedRunList skipped={store} />;
    }
    render(<main><CountedList /><Results /></main>);
    expect(screen.getByTestId('skipped').textContent).toBe('No file was skipped'); // the line is there before any
    for (let i = 0; i < 500; i++) store.add({ side: 'synthetic', path: `bad/${i}.png`, reason: 'truncated PNG' });
    expect(queued.length).toBe(1); // 500 events, one notification
    act(() => { queued.splice(0).forEach((run) => run()); });
    const list = screen.getByTestId('skipped');
    expect(list.querySelector('summary')!.textContent).toBe('500 files were skipped');
    expect(list.querySelectorAll('code')).toHaveLength(200); // the first 200 in full, the rest counted
    expect(list.textContent).toContain('bad/0.png: truncated PNG');
    expect(list.textContent).toContain('…and 300 more');
    expect(pageRenders).toBe(1);
    expect(listRenders).toBe(1); // the list re-rendered from its store, not from its parent
    act(() => store.reset());
    act(() => { queued.splice(0).forEach((run) => run()); });
    expect(screen.getByTestId('skipped').textContent).toBe('No file was skipped');
  });
});
