// The headers the dev and preview servers send: cross-origin isolation, the CSP, and no framing
// by other sites (issue: the app could be framed for clickjacking).
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '../../scripts/vite/plugins.ts';

describe('security headers', () => {
  it('forbid framing where headers can be set, and keep the meta CSP free of header-only rules', () => {
    for (const dev of [true, false]) {
      const h = securityHeaders(dev);
      expect(h['X-Frame-Options']).toBe('DENY');
      expect(h['Content-Security-Policy']).toContain("frame-ancestors 'none'");
      expect(h['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    }
    // frame-ancestors in a <meta> CSP is ignored with a console error: it stays header-only.
    expect(contentSecurityPolicy(false)).not.toContain('frame-ancestors');
  });
});
