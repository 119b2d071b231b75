import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYSTEM_TOOLS, planSystemTools, stopMessage } from '../scripts/system-tools.mjs';

// The first step of `npm test` decides, from facts only, whether to install the missing Debian
// packages and how. Nothing here runs apt-get.

const packages = SYSTEM_TOOLS.map((t) => t.package);

describe('planSystemTools', () => {
  it('knows every tool the tests call, each with its Debian package', () => {
    expect(SYSTEM_TOOLS.map((t) => t.tool)).toEqual(['chromium', 'fonts-liberation', 'pdftotext', 'hledger', 'ledger', 'sqlite3', 'python3']);
    expect(packages).toEqual(['chromium', 'fonts-liberation', 'poppler-utils', 'hledger', 'ledger', 'sqlite3', 'python3']);
    expect(SYSTEM_TOOLS.find((t) => t.tool === 'chromium')!.check).toEqual({ file: '/usr/bin/chromium' });
  });

  it('does nothing when nothing is missing, whatever the rights', () => {
    for (const isRoot of [true, false]) {
      for (const passwordlessSudo of [true, false]) {
        expect(planSystemTools({ missing: [], isRoot, passwordlessSudo, aptGet: false })).toEqual({ action: 'nothing' });
      }
    }
  });

  it('as root: apt-get update, then install only the missing packages, non-interactive and without recommends', () => {
    expect(planSystemTools({ missing: ['hledger', 'ledger'], isRoot: true, passwordlessSudo: false, aptGet: true })).toEqual({
      action: 'install',
      packages: ['hledger', 'ledger'],
      steps: [
        ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
        ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'hledger', 'ledger'],
      ],
    });
  });

  it('with passwordless sudo: the same steps through `sudo -n`, which never waits for a password', () => {
    const plan = planSystemTools({ missing: ['chromium'], isRoot: false, passwordlessSudo: true, aptGet: true });
    expect(plan).toEqual({
      action: 'install',
      packages: ['chromium'],
      steps: [
        ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
        ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium'],
      ],
    });
  });

  it('without the rights, or without apt-get, stops with the exact command in Spanish and English', () => {
    const plan = planSystemTools({ missing: ['poppler-utils', 'sqlite3'], isRoot: false, passwordlessSudo: false, aptGet: true });
    const command = 'sudo apt-get update && sudo apt-get install -y --no-install-recommends poppler-utils sqlite3';
    expect(plan).toEqual({ action: 'stop', reason: 'no-rights', packages: ['poppler-utils', 'sqlite3'], command });
    if (plan.action !== 'stop') throw new Error('unreachable');
    const message = stopMessage(plan);
    expect(message).toContain(`    ${command}\n`);
    expect(message).toMatch(/^Faltan herramientas del sistema que las pruebas necesitan: poppler-utils, sqlite3\. No puedo instalarlas/);
    expect(message).toContain('Missing system tools the tests need: poppler-utils, sqlite3. I cannot install them');
    expect(message).toContain('npm test');

    const noApt = planSystemTools({ missing: ['hledger'], isRoot: true, passwordlessSudo: true, aptGet: false });
    expect(noApt).toMatchObject({ action: 'stop', reason: 'no-apt' });
    if (noApt.action !== 'stop') throw new Error('unreachable');
    expect(stopMessage(noApt)).toContain('no tiene apt-get');
  });

  it('for any facts: installs exactly the missing packages, once each, only when it may', () => {
    fc.assert(fc.property(
      fc.subarray(packages), fc.boolean(), fc.boolean(), fc.boolean(),
      (missing, isRoot, passwordlessSudo, aptGet) => {
        const plan = planSystemTools({ missing: [...missing, ...missing], isRoot, passwordlessSudo, aptGet });
        if (missing.length === 0) {
          expect(plan.action).toBe('nothing');
          return;
        }
        const may = aptGet && (isRoot || passwordlessSudo);
        expect(plan.action).toBe(may ? 'install' : 'stop');
        if (plan.action === 'nothing') return;
        expect(plan.packages).toEqual(missing);
        if (plan.action === 'install') {
          expect(plan.steps[0]!.slice(-2)).toEqual(['update', '-qq']);
          expect(plan.steps[1]!.slice(-missing.length)).toEqual(missing);
          expect(plan.steps.every((step) => step[0] === (isRoot ? 'env' : 'sudo'))).toBe(true);
        } else {
          expect(plan.command.endsWith(` ${missing.join(' ')}`)).toBe(true);
        }
      },
    ));
  });
});
