import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntegrityFindingCode } from '../../shared/operations/integrity';
import { contractsFixture, type ContractsFixture } from '../contracts/testing';
import { recordMilkContract } from '../demo/contracts';
import { checkFile as check } from './testing';

// The contract rules of checkIntegrity (./contracts-checks.ts): a healthy year of a milk contract
// finds nothing; a copy edited by hand in Debian's sqlite3, guard triggers dropped as a tamperer
// would, names the rule the edit broke.

let f: ContractsFixture;
let copies = 0;

beforeAll(() => {
  f = contractsFixture();
  f.receive(f.milkId, 14_000 * 1000, 90, '2026-01-02');
  recordMilkContract(f.api, f.associationId, 2026, { productId: f.milkId, partyId: f.entityId, igvBp: 1800, months: 6 });
  // Another contract: a delivery partly rejected (back to stock), and a voided delivery.
  const other = f.contract({ number: 'CONTRATO N° 020-2026-MDCH', months: 2 });
  const delivery = f.api.recordDelivery({ contractId: other, date: '2026-07-20', lines: [{ productId: f.milkId, quantity: 500_000 }] });
  f.api.acceptDelivery({
    deliveryId: delivery.id, actaNumber: 'ACTA 07', date: '2026-07-22', returnRejected: true, lines: [{ lineNo: 1, acceptedQuantity: 450_000 }],
  });
  const wrong = f.api.recordDelivery({ contractId: other, date: '2026-07-25', lines: [{ productId: f.milkId, quantity: 100_000 }] });
  f.api.voidDelivery({ deliveryId: wrong.id, date: '2026-07-25', reason: 'Registrada dos veces' });
  f.db.pragma('wal_checkpoint(TRUNCATE)');
  f.db.close();
});
afterAll(() => f.env.cleanup());

function tampered(statements: string): string {
  const path = join(f.env.folder, `copy-${++copies}.sqlite`);
  copyFileSync(f.env.path, path);
  execFileSync('/usr/bin/sqlite3', ['-bail', path], { input: `PRAGMA foreign_keys = OFF;\n${statements}\n`, stdio: 'pipe' });
  return path;
}
const codes = (report: ReturnType<typeof check>) => report.findings.map((x) => x.code).sort();

describe('checkIntegrity on the contract documents', () => {
  it('finds a healthy contract in order, read through Debian\'s sqlite3 too', () => {
    expect(check(f.env.path).findings).toEqual([]);
    expect(check(tampered('SELECT 1;'), { associationId: f.associationId }).findings).toEqual([]);
  });

  const cases: [what: string, expected: IntegrityFindingCode[], statements: string][] = [
    ["a delivery line's amount raised", ['integrity.contractFigures'], `
      DROP TRIGGER contract_delivery_lines_no_update;
      UPDATE contract_delivery_lines SET amount = amount + 100 WHERE id = (SELECT MIN(id) FROM contract_delivery_lines);`],
    ['an acta accepting more than was delivered', ['integrity.contractFigures'], `
      DROP TRIGGER contract_acceptance_lines_no_update;
      UPDATE contract_acceptance_lines SET accepted_quantity = accepted_quantity + 1000 WHERE id = (SELECT MIN(id) FROM contract_acceptance_lines);`],
    ['an invoice raised past what was accepted and its entry', ['integrity.contractEntryAmount', 'integrity.contractFigures'], `
      DROP TRIGGER contract_invoices_immutable;
      UPDATE contract_invoices SET subtotal = subtotal + 100, total = total + 100 WHERE id = (SELECT MIN(id) FROM contract_invoices);`],
    ["a delivery's cost changed beside its entry", ['integrity.contractEntryAmount', 'integrity.contractFigures'], `
      DROP TRIGGER contract_deliveries_immutable;
      UPDATE contract_deliveries SET cost = cost + 1 WHERE id = (SELECT MIN(id) FROM contract_deliveries);`],
    ['a collection received more than its entry says', ['integrity.contractEntryAmount', 'integrity.contractFigures'], `
      DROP TRIGGER contract_collections_immutable;
      UPDATE contract_collections SET received = received + 100, total = total + 100 WHERE id = (SELECT MIN(id) FROM contract_collections);`],
    ['an invoice whose entry was unhooked', ['integrity.contractEntryAmount', 'integrity.documentEntry'], `
      DROP TRIGGER contract_invoices_immutable;
      UPDATE contract_invoices SET entry_id = (SELECT entry_id FROM contract_deliveries WHERE id = (SELECT MIN(id) FROM contract_deliveries))
       WHERE id = (SELECT MIN(id) FROM contract_invoices);`],
  ];

  it.each(cases)('%s', (_what, expected, statements) => {
    expect(codes(check(tampered(statements)))).toEqual(expected);
  });
});
