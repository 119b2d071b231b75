import { describe, expect, it } from 'vitest';
import { PRINT_READY_ATTRIBUTE } from '../shared/bridge';
import {
  PRINT_READY_SCRIPT,
  isPrintRoute,
  pdfFileName,
  pdfPageSize,
  printFailure,
  printerOutcome,
  printerPageSize,
  rollPageLength,
  validatePrintRequest,
  waitUntil,
  withPdfExtension,
} from './print-request';

const valid = { route: '/print/trial-balance?associationId=1&to=2026-12-31', paper: 'A4', target: 'pdf' };

describe('validatePrintRequest', () => {
  it('accepts a print route, paper and target, keeping only the known fields', () => {
    expect(validatePrintRequest({ ...valid, suggestedName: 'balance-2026.pdf', extra: 'dropped' })).toEqual({
      ok: true,
      locale: 'es',
      request: { ...valid, landscape: false, suggestedName: 'balance-2026.pdf' },
    });
    expect(validatePrintRequest({ route: '/print/receipt/7', paper: 'ticket80', target: 'printer', landscape: true })).toEqual({
      ok: true,
      locale: 'es',
      request: { route: '/print/receipt/7', paper: 'ticket80', target: 'printer', landscape: true },
    });
  });

  it('honours an optional locale for its error texts', () => {
    expect(validatePrintRequest({ ...valid, locale: 'en' })).toMatchObject({ ok: true, locale: 'en' });
    expect(validatePrintRequest({ ...valid, paper: 'Letter', locale: 'en' })).toEqual({ ok: false, locale: 'en' });
  });

  it('refuses anything that is not a print request', () => {
    const invalid: unknown[] = [
      null,
      'print',
      [valid],
      { ...valid, route: '/journal' },
      { ...valid, route: 'print/x' },
      { ...valid, route: 'https://evil.example/print/x' },
      { ...valid, route: '/print/x y' },
      { ...valid, route: '/print/x\n' },
      { ...valid, route: '/print/x#y' },
      { ...valid, route: '/print/..\\..\\x' },
      { ...valid, route: `/print/${'a'.repeat(3000)}` },
      { ...valid, paper: 'Letter' },
      { ...valid, paper: undefined },
      { ...valid, target: 'email' },
      { ...valid, landscape: 'yes' },
      { ...valid, suggestedName: 12 },
    ];
    for (const value of invalid) expect(validatePrintRequest(value), JSON.stringify(value)).toEqual({ ok: false, locale: 'es' });
  });

  it('knows a print route when it sees one', () => {
    expect(isPrintRoute('/print/')).toBe(true);
    expect(isPrintRoute('/printer')).toBe(false);
    expect(isPrintRoute(undefined)).toBe(false);
  });
});

describe('paper sizes', () => {
  it('uses the named sizes for A4 and A5 on both paths', () => {
    expect(pdfPageSize('A4')).toBe('A4');
    expect(pdfPageSize('A5')).toBe('A5');
    expect(printerPageSize('A4')).toBe('A4');
    expect(printerPageSize('A5')).toBe('A5');
  });

  it('gives the 80 mm ticket in inches to printToPDF and in microns to print', () => {
    const inches = pdfPageSize('ticket80');
    expect(typeof inches).toBe('object');
    if (typeof inches === 'object') {
      expect(inches.width).toBeCloseTo(3.1496, 4);
      expect(inches.height).toBeCloseTo(11.6929, 4);
    }
    expect(printerPageSize('ticket80')).toEqual({ width: 80_000, height: 297_000 });
  });

  it('cuts the ticket where the route measured its content to end', () => {
    expect(printerPageSize('ticket80', 142)).toEqual({ width: 80_000, height: 142_000 });
    const inches = pdfPageSize('ticket80', 142);
    expect(inches).toEqual({ width: 80 / 25.4, height: 142 / 25.4 });
    // A measured length never changes a sheet.
    expect(pdfPageSize('A5', 142)).toBe('A5');
    expect(printerPageSize('A4', 142)).toBe('A4');
  });

  it('reads only a plausible roll length from the page', () => {
    expect(rollPageLength('142')).toBe(142);
    expect(rollPageLength('30')).toBe(30);
    expect(rollPageLength('3000')).toBe(3000);
    for (const bad of [null, undefined, '', '29', '3001', '12.5', '-40', '1e3', ' 142', 142, '99999']) {
      expect(rollPageLength(bad)).toBeNull();
    }
  });
});

describe('pdfFileName', () => {
  it('keeps a good name and defaults to khipu.pdf', () => {
    expect(pdfFileName('balance-2026.pdf')).toBe('balance-2026.pdf');
    expect(pdfFileName('Recibo Nº 15 — Rosa Quispe')).toBe('Recibo Nº 15 — Rosa Quispe.pdf');
    expect(pdfFileName(undefined)).toBe('khipu.pdf');
    expect(pdfFileName('   ')).toBe('khipu.pdf');
    expect(pdfFileName('...')).toBe('khipu.pdf');
  });

  it('drops folders and characters Windows refuses, and never makes a hidden file', () => {
    expect(pdfFileName('../../etc/passwd')).toBe('passwd.pdf');
    expect(pdfFileName('C:\\Users\\x\\caja.PDF')).toBe('caja.pdf');
    expect(pdfFileName('a<b>c:d"e|f?g*h.pdf')).toBe('abcdefgh.pdf');
    expect(pdfFileName('.bashrc')).toBe('bashrc.pdf');
    expect(pdfFileName('linea\u0000nueva\nfin')).toBe('lineanuevafin.pdf');
    expect(pdfFileName(`${'x'.repeat(300)}.pdf`)).toBe(`${'x'.repeat(120)}.pdf`);
  });

  it('adds the extension a Linux save dialog leaves out', () => {
    expect(withPdfExtension('/home/rosa/balance')).toBe('/home/rosa/balance.pdf');
    expect(withPdfExtension('/home/rosa/balance.PDF')).toBe('/home/rosa/balance.PDF');
  });
});

describe('PRINT_READY_SCRIPT', () => {
  function evaluate(attribute: string | null): unknown {
    const document = { documentElement: { getAttribute: (name: string) => (name === PRINT_READY_ATTRIBUTE ? attribute : null) } };
    return new Function('document', `return ${PRINT_READY_SCRIPT}`)(document);
  }

  it('is true only once <html data-print-ready="true">', () => {
    expect(evaluate('true')).toBe(true);
    expect(evaluate(null)).toBe(false);
    expect(evaluate('false')).toBe(false);
  });
});

describe('waitUntil', () => {
  it('answers true as soon as the check does', async () => {
    let clock = 0;
    let calls = 0;
    const ready = await waitUntil(async () => ++calls === 3, {
      timeoutMs: 15_000,
      intervalMs: 100,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    expect(ready).toBe(true);
    expect(calls).toBe(3);
    expect(clock).toBe(200);
  });

  it('answers false once the time is up', async () => {
    let clock = 0;
    let calls = 0;
    const ready = await waitUntil(
      async () => {
        calls += 1;
        return false;
      },
      { timeoutMs: 15_000, intervalMs: 100, now: () => clock, sleep: async (ms) => void (clock += ms) },
    );
    expect(ready).toBe(false);
    expect(clock).toBe(15_000);
    expect(calls).toBe(151);
  });

  it('lets a failing check reject', async () => {
    await expect(waitUntil(() => Promise.reject(new Error('window destroyed')), { timeoutMs: 10, intervalMs: 1 })).rejects.toThrow(
      'window destroyed',
    );
  });
});

describe('print outcomes', () => {
  it('builds catalogued error responses with the print codes', () => {
    for (const code of ['print.invalidRequest', 'print.timeout', 'print.failed'] as const) {
      const response = printFailure(code, 'es');
      expect(response.ok).toBe(false);
      if (!response.ok && !response.cancelled) expect(response.error.code).toBe(code);
    }
  });

  it('maps the print dialog callback', () => {
    expect(printerOutcome(true, '', 'es')).toEqual({ ok: true });
    expect(printerOutcome(false, 'Print job canceled', 'es')).toEqual({ ok: false, cancelled: true });
    expect(printerOutcome(false, 'Invalid printer settings', 'en')).toMatchObject({ ok: false, error: { code: 'print.failed' } });
  });
});
