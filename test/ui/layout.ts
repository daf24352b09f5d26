// happy-dom lays nothing out: a scrolling element's clientHeight and scrollHeight are 0, so a
// virtual list can never scroll. This gives elements the heights their inline styles set (the
// viewport's and its content's, as the windowed galleries write them), for the tests of one file.
import { afterAll, beforeAll } from 'vitest';

const px = (el: Element | null | undefined) => parseFloat((el as HTMLElement | null)?.style?.height ?? '') || 0;
const KEYS = ['clientHeight', 'scrollHeight'] as const;

export function useInlineLayout() {
  const proto = HTMLElement.prototype;
  const saved = KEYS.map((k) => Object.getOwnPropertyDescriptor(proto, k));
  beforeAll(() => {
    Object.defineProperty(proto, 'clientHeight', { configurable: true, get(this: HTMLElement) { return px(this); } });
    Object.defineProperty(proto, 'scrollHeight', { configurable: true, get(this: HTMLElement) { return Math.max(px(this), px(this.firstElementChild)); } });
  });
  afterAll(() => {
    KEYS.forEach((k, i) => (saved[i] ? Object.defineProperty(proto, k, saved[i]) : delete (proto as unknown as Record<string, unknown>)[k]));
  });
}
