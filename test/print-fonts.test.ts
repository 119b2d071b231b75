import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Printed reports use at least 10 pt for their figures. Every absolute font size in the print
// style sheets (and in any `@media print` block) is checked here; sizes relative to their
// parent (em, %) are checked where they resolve, in Chromium (test/e2e/paper.test.ts).

const RENDERER = join(process.cwd(), 'renderer', 'src');
const MINIMUM_PT = 10;
const POINTS_PER_UNIT: Record<string, number> = { pt: 1, px: 0.75, in: 72, cm: 72 / 2.54, mm: 72 / 25.4, q: 72 / 101.6, pc: 12 };
const SMALLER_KEYWORDS = new Set(['xx-small', 'x-small', 'small', 'smaller']);

function cssFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** The text of every `@media print { … }` block, braces balanced. */
function printMediaBlocks(css: string): string[] {
  const blocks: string[] = [];
  for (const match of css.matchAll(/@media\s+print\s*\{/g)) {
    let depth = 1;
    let end = match.index + match[0].length;
    while (depth > 0 && end < css.length) {
      if (css[end] === '{') depth += 1;
      else if (css[end] === '}') depth -= 1;
      end += 1;
    }
    blocks.push(css.slice(match.index, end));
  }
  return blocks;
}

/** The print CSS of the renderer: the print folder and print.css whole, elsewhere only `@media print`. */
function printCss(): { file: string; css: string }[] {
  return cssFiles(RENDERER).flatMap((path) => {
    const css = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const file = relative(process.cwd(), path);
    const whole = path.startsWith(join(RENDERER, 'print')) || path === join(RENDERER, 'styles', 'print.css');
    return whole ? [{ file, css }] : printMediaBlocks(css).map((block) => ({ file, css: block }));
  });
}

/** Font sizes below the minimum: absolute lengths converted to points, and the "smaller" keywords. */
function smallFontSizes(css: string): string[] {
  const small: string[] = [];
  for (const [, raw] of css.matchAll(/font-size\s*:\s*([^;}]+)/gi)) {
    const value = raw!.trim().replace(/\s*!important$/, '').toLowerCase();
    const length = /^(\d*\.?\d+)(pt|px|in|cm|mm|q|pc)$/.exec(value);
    if (length && Number(length[1]) * POINTS_PER_UNIT[length[2]!]! < MINIMUM_PT - 1e-9) small.push(value);
    if (SMALLER_KEYWORDS.has(value)) small.push(value);
  }
  return small;
}

describe('print style sheets', () => {
  it('recognise a small size in any unit', () => {
    expect(smallFontSizes('.a { font-size: 9pt } .b { font-size: 12px; } .c { font-size: 3mm } .d { font-size: small }'))
      .toEqual(['9pt', '12px', '3mm', 'small']);
    expect(smallFontSizes('.a { font-size: 10pt } .b { font-size: 13.34px } .c { font-size: 1.2em } .d { font-size: 14pt !important }')).toEqual([]);
  });

  it('never set a font size under 10 pt', () => {
    const files = printCss();
    expect(files.map((entry) => entry.file)).toContain(join('renderer', 'src', 'print', 'financial-reports.css'));
    const offenders = files.flatMap(({ file, css }) => smallFontSizes(css).map((size) => `${file}: ${size}`));
    expect(offenders).toEqual([]);
  });
});
