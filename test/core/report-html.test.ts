import { describe, expect, it } from 'vitest';
import { galleryFiles, pickGalleries, thumbKey } from '../../src/core/report-galleries.ts';
import { escapeHtml } from '../../src/report/cells.ts';
import { BASELINE, MEANING, SCORE_KEYS } from '../../src/report/meaning.ts';
import { buildReportHtml, utf8Length } from '../../src/core/report-html.ts';
import { parseReport, ReportFormatError } from '../../src/core/report-parse.ts';
import { fakeExperiment, fakeReport } from './report-fixture.ts';

/** Any attribute or CSS value that would make a browser fetch something. */
const EXTERNAL = /(?:src|href|action|poster|srcset|xlink:href)\s*=\s*["']?(?!data:)[^\s"'>]|url\(|@import|<script|<link|<iframe|<object|<embed|https?:\/\//i;

const fakeJpeg = (bytes: number) => `data:image/jpeg;base64,${'A'.repeat(Math.ceil(bytes / 3) * 4)}`;

function allThumbs(report = fakeReport(), bytes = 3000, limits?: Parameters<typeof galleryFiles>[1]): Map<string, string> {
  return new Map(galleryFiles(report, limits).map((f) => [f.key, fakeJpeg(bytes)]));
}

describe('pickGalleries', () => {
  it('ranks synthetic by P(synthetic) down and real by P(synthetic) up, and keeps copies beside sources', () => {
    const ex = fakeExperiment('x');
    const [unrealistic, unrepresentative, unvaried, unoriginal] = pickGalleries(ex);
    const ps = unrealistic.groups[0].map((i) => ex.rows[i].p);
    expect(ps).toEqual([...ps].sort((a, b) => b - a));
    expect(unrealistic.groups[0].every((i) => ex.rows[i].side === 'synthetic')).toBe(true);
    const pr = unrepresentative.groups[0].map((i) => ex.rows[i].p);
    expect(unrepresentative.groups[0].every((i) => ex.rows[i].side === 'real')).toBe(true);
    expect(pr).toEqual([...pr].sort((a, b) => a - b));
    expect(pr[0]).toBe(0);
    expect(unvaried.groups).toEqual([[60, 61, 62]]);
    expect(unoriginal.groups[0].map((i) => ex.rows[i].side)).toEqual(['synthetic', 'real']);
  });
});

describe('buildReportHtml', () => {
  it('escapes names and paths', () => {
    const report = fakeReport(['<script>alert(1)</script>', 'a&b "quoted"']);
    report.real.path = `"><img src=x onerror=alert(2)>`;
    report.experiments[0].rows[60].path = '<b>evil</b>.png';
    const html = buildReportHtml(report, { thumbnails: allThumbs(report) });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>evil</b>');
    expect(html).toContain(escapeHtml('<script>alert(1)</script>'));
    expect(html).toContain('a&amp;b &quot;quoted&quot;');
    expect(html).toContain('&lt;b&gt;evil&lt;/b&gt;.png');
  });

  it('embeds no external reference, and refuses thumbnails that are not image data URLs', () => {
    const report = fakeReport();
    const thumbs = allThumbs(report);
    const [first, second] = [...thumbs.keys()];
    thumbs.set(first, 'https://example.com/leak.jpg');
    thumbs.set(second, 'data:text/html;base64,PHNjcmlwdD4=');
    const html = buildReportHtml(report, { thumbnails: thumbs });
    expect(html).not.toMatch(EXTERNAL);
    expect(html).not.toContain('example.com');
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/shown without an image/);
    for (const ex of report.experiments) expect(html).toContain(`<th>${ex.name}</th>`);
    for (const k of ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal']) expect(html).toContain(`data-score="${k}"`);
  });

  it("draws the app's comparison chart with its 0.5 / 0 baselines and says what each score means in the app's words", () => {
    const report = fakeReport(['fresh', 'copies']);
    const html = buildReportHtml(report);
    const chart = /<figure class="comparison-chart">.*?<\/figure>/s.exec(html)![0];
    const panels = [...chart.matchAll(/<svg [^>]*data-score="([a-z]+)">(.*?)<\/svg>/gs)];
    expect(panels.map((m) => m[1])).toEqual(['unrepresentative', 'unrealistic', 'unvaried', 'unoriginal']);
    for (const [, k, body] of panels) {
      expect(body.match(/<g class="exp[^"]*" data-experiment="(fresh|copies)"/g)).toHaveLength(2);
      expect(body).toContain(`data-baseline="${BASELINE[k as keyof typeof BASELINE]}"`);
    }
    for (const k of SCORE_KEYS) expect(html).toContain(MEANING[k]);
  });

  it('keeps to the size bound and says what it left out', () => {
    const report = fakeReport(['a', 'b', 'c', 'd']);
    const thumbs = allThumbs(report, 60_000);
    const html = buildReportHtml(report, { thumbnails: thumbs, maxBytes: 1_000_000 });
    expect(utf8Length(html)).toBeLessThanOrEqual(1_000_000);
    const images = html.match(/<img /g)?.length ?? 0;
    expect(images).toBeGreaterThan(5);
    expect(html).toMatch(/thumbnails were left out to keep this file under 1 MB/);
  });

  it('embeds at most 48 thumbnails per experiment', () => {
    const report = fakeReport(['only']);
    const limits = { perGallery: 40, sets: 3, perSet: 4 };
    const html = buildReportHtml(report, { thumbnails: allThumbs(report, 300, limits), limits });
    expect(html.match(/<img /g)?.length).toBe(48);
    expect(html).toMatch(/left out/);
  });

  it('shares one key per file across experiments (the real set is common)', () => {
    const report = fakeReport(['a', 'b']);
    const real = galleryFiles(report).filter((f) => f.side === 'real');
    expect(new Set(real.map(thumbKey)).size).toBe(real.length);
    expect(real.every((f) => f.setPath === 'real')).toBe(true);
  });

  it('draws the map when the report has one', () => {
    const report = fakeReport(['a']);
    report.experiments[0].map = { method: 'umap', rows: [0, 60], xy: [0, 0, 1, 1], total: 120, seed: 0, nNeighbors: 15 };
    const html = buildReportHtml(report);
    expect(html.match(/<circle /g)?.length).toBe(2);
    expect(html).toContain('class="synthetic"');
  });
});

describe('parseReport', () => {
  it('reads back what JSON.stringify wrote', () => {
    const report = fakeReport();
    expect(parseReport(JSON.stringify(report))).toEqual(report);
  });
  it.each([
    ['not json', /not JSON/],
    ['[1, 2]', /not a SynthScore report/],
    ['{"tool": "cleanlab", "version": 1}', /"tool" field is "cleanlab"/],
    ['{"version": 1}', /"tool" field is missing/],
    ['{"tool": "synthscore", "version": 99}', /newer SynthScore \(report version 99\)/],
    ['{"tool": "synthscore"}', /no valid report version/],
    ['{"tool": "synthscore", "version": 1, "createdAt": "x", "model": {"id": "m"}, "real": {"count": 1}, "experiments": []}', /no experiments/],
  ])('rejects %s with a clear message', (text, message) => {
    expect(() => parseReport(text, 'report.json')).toThrow(ReportFormatError);
    expect(() => parseReport(text, 'report.json')).toThrow(message);
  });
  it('names the missing score', () => {
    const report = fakeReport() as unknown as { experiments: { scores: Record<string, unknown> }[] };
    delete report.experiments[1].scores.unvaried;
    expect(() => parseReport(JSON.stringify(report))).toThrow(/no "unvaried" score for "copies"/);
  });
});
