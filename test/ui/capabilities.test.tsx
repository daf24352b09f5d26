// The capabilities line says what the engine got, and why a WASM run uses fewer threads than cores.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Capabilities } from '../../src/ui/components/Capabilities.tsx';
import type { Capabilities as Caps } from '../../src/ui/worker-bridge.ts';
import { backendParam, threadsParam } from '../../src/ui/runtime-params.ts';

afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

const caps = (over: Partial<Caps>): Caps => ({
  backend: 'wasm', threads: 1, crossOriginIsolated: true, adapter: null,
  modelId: 'mobilenet-v2-1.4-nsfwjs', modelVersion: '1', ...over,
}) as Caps;

const line = (c: Caps, cores: number) => {
  vi.stubGlobal('navigator', { ...navigator, hardwareConcurrency: cores });
  render(<Capabilities caps={c} error={null} />);
  return screen.getByTestId('capabilities').textContent ?? '';
};

describe('capabilities line', () => {
  it('says a core is left to the page, and how to use it', () => {
    const text = line(caps({ threads: 1 }), 2);
    expect(text).toContain('1 thread of 2 cores');
    expect(text).toContain('?threads=2');
    expect(text).toContain('model mobilenet-v2-1.4-nsfwjs');
  });

  it('says nothing of cores when the threads are all there may be', () => {
    expect(line(caps({ threads: 4 }), 16)).not.toContain('cores');
    cleanup();
    expect(line(caps({ threads: 2 }), 2)).not.toContain('cores');
    cleanup();
    // Not isolated: one thread because threads are impossible, not to spare a core.
    expect(line(caps({ threads: 1, crossOriginIsolated: false }), 8)).not.toContain('cores');
  });

  it('names a software WebGPU adapter it passed over', () => {
    const text = line(caps({ threads: 3, adapter: { vendor: 'google', architecture: 'swiftshader', software: true } }), 4);
    expect(text).toContain('WebGPU adapter swiftshader is software: not used');
  });
});

describe('runtime parameters in the URL', () => {
  it('reads ?threads= and ?backend=, ignoring values that make no sense', () => {
    expect(threadsParam('?threads=2')).toBe(2);
    expect(threadsParam('?threads=0')).toBeUndefined();
    expect(threadsParam('?threads=1.5')).toBeUndefined();
    expect(threadsParam('?threads=two')).toBeUndefined();
    expect(threadsParam('')).toBeUndefined();
    expect(backendParam('?backend=webgpu&threads=2')).toBe('webgpu');
    expect(backendParam('?backend=cuda')).toBeUndefined();
  });
});
