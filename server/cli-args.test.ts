import { describe, expect, it } from 'vitest';
import { parseServeArguments } from './cli-args';

describe('parseServeArguments', () => {
  it('reads nothing from no arguments, so the defaults apply', () => {
    expect(parseServeArguments([])).toEqual({ ok: true, value: {} });
  });

  it('accepts each flag with a separate or an inline value', () => {
    expect(parseServeArguments(['--port', '5000', '--host', '0.0.0.0', '--db', '/tmp/a b.sqlite'])).toEqual({
      ok: true,
      value: { port: 5000, host: '0.0.0.0', databasePath: '/tmp/a b.sqlite' },
    });
    expect(parseServeArguments(['--port=0', '--host=localhost', '--db=C:\\datos\\khipu.sqlite'])).toEqual({
      ok: true,
      value: { port: 0, host: 'localhost', databasePath: 'C:\\datos\\khipu.sqlite' },
    });
  });

  it.each([['abc'], ['-1'], ['65536'], ['4.5'], ['1e3']])('refuses the port %s in Spanish', (port) => {
    const parsed = parseServeArguments(['--port', port]);
    expect(parsed).toEqual({ ok: false, message: `El puerto debe ser un número entre 0 y 65535 (recibido: ${port}).` });
  });

  it('refuses a flag without its value', () => {
    const parsed = parseServeArguments(['--port']);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/^Falta el valor de --port\.\nUso: npm run serve/);
    expect(parseServeArguments(['--db=']).ok).toBe(false);
  });

  it('refuses unknown options and names them', () => {
    const parsed = parseServeArguments(['--puerto', '5000']);
    expect(!parsed.ok && parsed.message).toMatch(/^Opción desconocida: --puerto\n/);
  });
});
