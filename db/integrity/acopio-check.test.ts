import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIntegrity } from './check';
import { acopioFixture, type AcopioFixture } from '../acopio/testing';

// The acopio rules of checkIntegrity (./acopio-checks.ts): a healthy fortnight finds nothing; raw
// edits, guard triggers dropped as a tamperer would, name exactly the rule the edit broke.

let f: AcopioFixture;
beforeAll(() => {
  f = acopioFixture();
  const rosa = f.member('Rosa Quispe Huamán');
  const ana = f.member('Ana Mamani Condori');
  for (let d = 1; d <= 15; d += 1) {
    f.api.recordAcopioDay({
      associationId: f.associationId, productId: f.milk, date: `2026-03-${String(d).padStart(2, '0')}`,
      rows: [{ memberId: rosa, quantity: 10_000 }, { memberId: ana, quantity: 7_500 }],
    });
  }
  f.api.createCharge({ associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId('Multa por inasistencia'), date: '2026-03-05', amount: 2_000 });
  f.api.settleAcopioPeriod({ associationId: f.associationId, from: '2026-03-01', to: '2026-03-15' });
});
afterAll(() => f.env.cleanup());

const findings = () => checkIntegrity(f.db, { associationId: f.associationId }).findings.map((x) => [x.code, x.count]);

/** Runs `sql` with the guard triggers of `tables` dropped, checks, and undoes it all. */
function tampered(sql: string): (string | number)[][] {
  f.db.exec('SAVEPOINT tamper');
  try {
    for (const { name } of f.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'
        AND tbl_name IN ('acopio_days', 'acopio_rows', 'settlements', 'settlement_lines', 'journal_lines', 'receipts')`).all() as { name: string }[]) {
      f.db.exec(`DROP TRIGGER ${name}`);
    }
    f.db.exec(sql);
    return findings();
  } finally {
    f.db.exec('ROLLBACK TO tamper; RELEASE tamper');
  }
}

describe('acopio integrity rules', () => {
  it('find nothing in a healthy fortnight', () => {
    expect(findings()).toEqual([]);
  });

  it('name a sheet whose row is not price × quantity, and its entry', () => {
    expect(tampered('UPDATE acopio_rows SET amount = amount + 1 WHERE id = 1')).toEqual([['integrity.acopioFigures', 1], ['integrity.acopioEntryAmount', 1]]);
    expect(tampered(`UPDATE journal_lines SET amount = amount - 1 WHERE id = (SELECT l.id FROM journal_lines l
        JOIN acopio_days d ON d.entry_id = l.entry_id WHERE d.id = 1 AND l.amount < 0 LIMIT 1)`)).toContainEqual(['integrity.acopioEntryAmount', 1]);
  });

  it('name a sheet whose entry owes one member what another delivered', () => {
    expect(tampered(`UPDATE journal_lines SET member_id = (SELECT MAX(member_id) FROM acopio_rows WHERE day_id = 1)
        WHERE id = (SELECT l.id FROM journal_lines l JOIN acopio_days d ON d.entry_id = l.entry_id
                     WHERE d.id = 1 AND l.member_id = (SELECT MIN(member_id) FROM acopio_rows WHERE day_id = 1))`))
      .toEqual([['integrity.acopioEntryAmount', 1]]);
  });

  it('name a settlement whose net is not gross − levy − deductions', () => {
    expect(tampered('UPDATE settlements SET net = net + 100, gross = gross + 100 WHERE id = 1')).toEqual([['integrity.acopioFigures', 1]]);
  });
});
