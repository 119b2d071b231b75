import { describe, expect, it } from 'vitest';
import { dispatch } from '../api';
import { expectCataloguedError, khipuError } from '../../shared/testing/errors';
import {
  DUE, addMember, counts, entryLines, expectTrialBalanceZero, freshFixtureEachTest, journalBalanceOf, type ContributionsFixture,
} from './testing';

let f: ContributionsFixture;
let rosa: number;
freshFixtureEachTest((fixture, member) => { f = fixture; rosa = member; });

const dues = (period: string, date: string) =>
  f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period, date });
const openOf = (memberId: number) =>
  f.api.listCharges({ associationId: f.associationId, memberId }).map((c) => [c.period, c.open]);

describe('recordPayment', () => {
  it('pays the oldest open charges first, leaving a partial payment open, across three months', () => {
    dues('2026-01', '2026-01-02');
    dues('2026-02', '2026-02-02');
    dues('2026-03', '2026-03-02');
    const first = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-05', amount: 1500 });
    expect(first.lines.map((l) => [l.description, l.amount])).toEqual([
      ['Cuota ordinaria mensual 01/2026', 1000], ['Cuota ordinaria mensual 02/2026', 500],
    ]);
    expect(openOf(rosa)).toEqual([['2026-01', 0], ['2026-02', 500], ['2026-03', 1000]]);
    expect(entryLines(f.db, first.entryId)).toEqual([
      { role: 'cash', code: '101', amount: 1500, member_id: null },
      { role: 'receivable_members', code: '1429', amount: -1000, member_id: rosa },
      { role: 'receivable_members', code: '1429', amount: -500, member_id: rosa },
    ]);
    const second = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-20', amount: 1500 });
    expect(second.lines.map((l) => [l.description, l.amount])).toEqual([
      ['Cuota ordinaria mensual 02/2026', 500], ['Cuota ordinaria mensual 03/2026', 1000],
    ]);
    expect(second.creditCreated).toBe(0);
    expect(openOf(rosa)).toEqual([['2026-01', 0], ['2026-02', 0], ['2026-03', 0]]);
    expect(journalBalanceOf(f.db, rosa)).toBe(0);
    expectTrialBalanceZero(f);
  });

  it('pays the chosen charges in the given order into a bank account; the excess becomes credit', () => {
    dues('2026-01', '2026-01-02');
    dues('2026-02', '2026-02-02');
    dues('2026-03', '2026-03-02');
    const [jan, feb, mar] = f.api.listCharges({ associationId: f.associationId, memberId: rosa });
    const receipt = f.api.recordPayment({
      associationId: f.associationId, memberId: rosa, date: '2026-03-05', amount: 1500, apply: { chargeIds: [mar!.id, jan!.id] },
      accountId: f.roleId('bank'), note: 'Depósito en la CAC',
    });
    expect(receipt.lines.map((l) => [l.chargeId, l.amount])).toEqual([[mar!.id, 1000], [jan!.id, 500]]);
    expect(openOf(rosa)).toEqual([['2026-01', 500], ['2026-02', 1000], ['2026-03', 0]]);
    expect(entryLines(f.db, receipt.entryId)[0]).toMatchObject({ role: 'bank', amount: 1500 });

    // Beyond the ticked charges the money pays her other open charges, oldest first, and only what is
    // left after all of them is kept as credit in favour.
    const excess = f.api.recordPayment({
      associationId: f.associationId, memberId: rosa, date: '2026-03-06', amount: 1700, apply: { chargeIds: [feb!.id] },
    });
    expect(excess.lines.map((l) => [l.chargeId, l.description, l.amount])).toEqual([
      [feb!.id, 'Cuota ordinaria mensual 02/2026', 1000], [jan!.id, 'Cuota ordinaria mensual 01/2026', 500],
      [null, 'Saldo a favor (adelanto)', 200],
    ]);
    expect(excess.creditCreated).toBe(200);
    expect(excess.owedAfter).toBe(0);

    const other = addMember(f.db, f.associationId, 'Flor Huamán');
    const othersCharge = f.api.listCharges({ associationId: f.associationId, memberId: other });
    expect(othersCharge).toHaveLength(0);
    dues('2026-04', '2026-04-01');
    const floraApril = f.api.listCharges({ associationId: f.associationId, memberId: other })[0]!;
    // Her 200 of credit went at once to her April due.
    const rosaApril = f.api.listCharges({ associationId: f.associationId, memberId: rosa, openOnly: true })[0]!;
    expect(rosaApril).toMatchObject({ period: '2026-04', open: 800 });
    expectCataloguedError(
      khipuError(() => f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-04-02', amount: 100, apply: { chargeIds: [floraApril.id] } })),
      'payment.chargeOtherMember', 'apply.chargeIds.0',
    );
    expectCataloguedError(
      khipuError(() => f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-04-02', amount: 100, apply: { chargeIds: [rosaApril.id, mar!.id] } })),
      'payment.chargeSettled', 'apply.chargeIds.1',
    );
    expectCataloguedError(
      khipuError(() => f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-04-02', amount: 100, accountId: f.roleId('dues_income') })),
      'payment.accountNotCash', 'accountId',
    );
    expectTrialBalanceZero(f);
  });

  it('refuses zero, negative, unknown members, other associations\' members and locked dates, writing nothing', () => {
    dues('2026-01', '2026-01-02');
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-01-31' });
    const otherAssociation = f.api.createAssociation({ name: 'Asociación Tika Pallana', legalForm: 'asociacion', ubigeo: '030601' }).id;
    const stranger = addMember(f.db, otherAssociation, 'Sonia Ccori');
    const before = counts(f.db);
    const base = { associationId: f.associationId, memberId: rosa, date: '2026-02-10', amount: 1000 };
    const cases: [Record<string, unknown>, string, string, RegExp][] = [
      [{ ...base, amount: 0 }, 'contribution.amountNotPositive', 'amount', /mayor que cero/],
      [{ ...base, amount: -500 }, 'contribution.amountNotPositive', 'amount', /mayor que cero/],
      [{ ...base, memberId: 999 }, 'contribution.memberNotFound', 'memberId', /No existe el socio 999/],
      [{ ...base, memberId: stranger }, 'contribution.memberNotFound', 'memberId', /No existe el socio/],
      [{ ...base, date: '2026-01-31' }, 'entry.locked', 'date', /31\/01\/2026 está en un periodo cerrado/],
      [{ ...base, amount: 10.5 }, 'input.notInteger', 'amount', /entero/],
    ];
    for (const [input, code, field, message] of cases) {
      const error = khipuError(() => f.api.recordPayment(input as Parameters<typeof f.api.recordPayment>[0]));
      expectCataloguedError(error, code, field);
      expect(error.message).toMatch(message);
      expect(dispatch(f.api, 'recordPayment', input)).toMatchObject({ ok: false, error: { code, field } });
    }
    expect(counts(f.db)).toEqual(before);
    // The refused payments consumed no number: the next receipt is 001-000001.
    expect(f.api.recordPayment(base).formattedNumber).toBe('001-000001');
  });
});

describe('receipts', () => {
  it('numbers receipts 1..n per series with no gaps or repeats, across voids and refusals', () => {
    dues('2026-03', '2026-03-01');
    const numbers: string[] = [];
    numbers.push(f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-02', amount: 300 }).formattedNumber);
    const second = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-03', amount: 300 });
    numbers.push(second.formattedNumber);
    expect(dispatch(f.api, 'recordPayment', { associationId: f.associationId, memberId: rosa, date: '2026-03-04', amount: 0 }).ok).toBe(false);
    const voided = f.api.voidReceipt({ receiptId: second.id, date: '2026-03-04', reason: 'Monto mal escrito' });
    expect(voided).toMatchObject({ formattedNumber: '001-000002', status: 'voided' });
    numbers.push(f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-05', amount: 300 }).formattedNumber);
    numbers.push(f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-05', amount: 300, series: '002' }).formattedNumber);
    numbers.push(f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-06', amount: 300 }).formattedNumber);
    expect(numbers).toEqual(['001-000001', '001-000002', '001-000003', '002-000001', '001-000004']);
    const listed = f.api.listReceipts({ associationId: f.associationId });
    expect(listed.filter((r) => r.series === '001').map((r) => [r.number, r.status])).toEqual([
      [1, 'valid'], [2, 'voided'], [3, 'valid'], [4, 'valid'],
    ]);
    expect(f.api.listReceipts({ associationId: f.associationId, from: '2026-03-05', to: '2026-03-05' })).toHaveLength(2);

    // The database itself refuses a gap, a change and a deletion.
    const row = f.db.prepare('SELECT * FROM receipts WHERE id = ?').get(second.id) as Record<string, unknown>;
    expect(() => f.db.prepare(
      `INSERT INTO receipts (association_id, series, number, date, member_id, total, account_id, entry_id, created_at, created_by)
       VALUES (?, '001', 9, '2026-03-07', ?, 100, ?, ?, 'x', 'x')`,
    ).run(f.associationId, rosa, f.roleId('cash'), row.entry_id)).toThrow('receipt.numberGap');
    expect(() => f.db.prepare('UPDATE receipts SET total = 1 WHERE id = ?').run(second.id)).toThrow('receipt.immutable');
    expect(() => f.db.prepare("UPDATE receipts SET void_reason = 'otra' WHERE id = ?").run(second.id)).toThrow('receipt.immutable');
    expect(() => f.db.prepare('UPDATE receipts SET print_count = 5 WHERE id = ?').run(second.id)).toThrow('receipt.immutable');
    expect(() => f.db.prepare('DELETE FROM receipts WHERE id = ?').run(second.id)).toThrow('receipt.immutable');
    expect(() => f.db.prepare('DELETE FROM receipt_lines').run()).toThrow('receipt.immutable');
    expect(() => f.db.prepare('UPDATE charges SET amount = 1').run()).toThrow('charge.immutable');
    expect(() => f.db.prepare('DELETE FROM allocations').run()).toThrow('allocation.immutable');
  });

  it('has everything the print route needs, and says DUPLICADO from the second print', () => {
    f.db.prepare("INSERT INTO officer_posts (member_id, post, term_start, term_end) VALUES (?, 'tesorero', '2024-01-01', '2025-12-31')")
      .run(addMember(f.db, f.associationId, 'Antigua Tesorera'));
    const treasurer = addMember(f.db, f.associationId, 'Misky Llankaq Condori');
    f.db.prepare("INSERT INTO officer_posts (member_id, post, term_start) VALUES (?, 'tesorero', '2026-01-01')").run(treasurer);
    f.api.createCharge({ associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId('Aporte extraordinario'), date: '2026-03-01', amount: 12050, description: 'Contrapartida del plan de negocio' });
    const receipt = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-10', amount: 12050 });
    const dni = (f.db.prepare('SELECT dni FROM members WHERE id = ?').get(rosa) as { dni: string }).dni;
    expect(receipt).toMatchObject({
      association: { name: 'Asociación de Productores Lecheros Sumaq Q\'oy', ruc: '20131312955', district: 'Chincheros', province: 'Chincheros', department: 'Apurímac' },
      formattedNumber: '001-000001', date: '2026-03-10', member: { id: rosa, fullName: 'Rosa Quispe Huamán', dni },
      lines: [{ lineNo: 1, description: 'Contrapartida del plan de negocio', amount: 12050 }],
      total: 12050, totalInWords: 'SON: CIENTO VEINTE CON 50/100 SOLES', treasurerName: 'Misky Llankaq Condori',
      status: 'valid', voided: null, printCount: 0, accountName: 'Caja',
    });
    expect(f.api.recordReceiptPrint({ receiptId: receipt.id })).toEqual({ copy: 'original', printCount: 1 });
    expect(f.api.recordReceiptPrint({ receiptId: receipt.id })).toEqual({ copy: 'duplicado', printCount: 2 });
    expect(f.api.recordReceiptPrint({ receiptId: receipt.id })).toEqual({ copy: 'duplicado', printCount: 3 });
    expect(f.api.getReceipt({ receiptId: receipt.id }).printCount).toBe(3);
    expect(dispatch(f.api, 'getReceipt', { receiptId: 999 })).toMatchObject({ ok: false, error: { code: 'receipt.notFound', field: 'receiptId' } });
  });
});

describe('voidReceipt', () => {
  it('reverses the entry (linked both ways), keeps the number, reopens the charges; the statement shows it', () => {
    dues('2026-01', '2026-01-02');
    dues('2026-02', '2026-02-02');
    const receipt = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-02-10', amount: 2500 });
    expect(openOf(rosa)).toEqual([['2026-01', 0], ['2026-02', 0]]);
    const voided = f.api.voidReceipt({ receiptId: receipt.id, date: '2026-02-12', reason: 'Se registró a otra socia' });
    expect(voided).toMatchObject({ status: 'voided', formattedNumber: '001-000001', voided: { date: '2026-02-12', reason: 'Se registró a otra socia' } });
    const original = f.api.getEntry({ entryId: receipt.entryId });
    const reversal = f.api.getEntry({ entryId: voided.voided!.entryId });
    expect(original.reversedByEntryId).toBe(reversal.id);
    expect(reversal.reversesEntryId).toBe(original.id);
    expect(reversal.lines.map((l) => l.amount)).toEqual(original.lines.map((l) => -l.amount));
    expect(reversal).toMatchObject({ sourceType: 'receipt_void', sourceId: receipt.id, date: '2026-02-12' });
    expect(reversal.description).toBe('Anulación del recibo 001-000001: Se registró a otra socia');
    expect(openOf(rosa)).toEqual([['2026-01', 1000], ['2026-02', 1000]]);
    expect(f.api.memberStatement({ associationId: f.associationId, memberId: rosa }).creditAvailable).toBe(0);

    const statement = f.api.memberStatement({ associationId: f.associationId, memberId: rosa });
    expect(statement.movements.map((m) => [m.date, m.kind, m.receiptNumber, m.amount, m.balance])).toEqual([
      // Dues are dated on their period's first day, whatever day they were generated.
      ['2026-01-01', 'charge', null, 1000, 1000],
      ['2026-02-01', 'charge', null, 1000, 2000],
      ['2026-02-10', 'payment', '001-000001', -2500, -500],
      ['2026-02-12', 'voidedReceipt', '001-000001', 2500, 2000],
    ]);
    expect(statement).toMatchObject({ openingBalance: 0, closingBalance: 2000, totals: { charges: 2000, payments: 0 } });
    expect(journalBalanceOf(f.db, rosa)).toBe(2000);

    expectCataloguedError(khipuError(() => f.api.voidReceipt({ receiptId: receipt.id, date: '2026-02-13', reason: 'otra vez' })), 'receipt.alreadyVoided', 'receiptId');
    const again = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-02-13', amount: 1000 });
    expectCataloguedError(khipuError(() => f.api.voidReceipt({ receiptId: again.id, date: '2026-02-12', reason: 'x' })), 'receipt.voidBeforeDate', 'date');
    expect(dispatch(f.api, 'voidReceipt', { receiptId: again.id, date: '2026-02-14', reason: '  ' }))
      .toMatchObject({ ok: false, error: { code: 'input.required', field: 'reason' } });
    expectTrialBalanceZero(f);
  });

  it('lets no one reverse a document\'s entry directly: the document must be voided', () => {
    dues('2026-01', '2026-01-02');
    const receipt = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-02-10', amount: 1000 });
    const dueEntry = f.api.listCharges({ associationId: f.associationId, memberId: rosa })[0]!.entryId;
    const before = counts(f.db);
    for (const entryId of [receipt.entryId, dueEntry]) {
      expect(dispatch(f.api, 'reverseEntry', { entryId, date: '2026-02-11', reason: 'Error' }))
        .toMatchObject({ ok: false, error: { code: 'entry.ownedByDocument' } });
    }
    expect(counts(f.db)).toEqual(before);
    expect(f.api.getReceipt({ receiptId: receipt.id }).status).toBe('valid');
  });

  it('voids a receipt whose credit in favour was already applied: the charges it paid reopen', () => {
    const advance = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-02-20', amount: 500 });
    const unused = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-02-21', amount: 700 });
    f.api.voidReceipt({ receiptId: unused.id, date: '2026-02-22', reason: 'Duplicado por error' });
    expect(f.api.getReceipt({ receiptId: unused.id }).creditCreated).toBe(0);
    expect(f.api.memberStatement({ associationId: f.associationId, memberId: rosa })).toMatchObject({ closingBalance: -500, creditAvailable: 500 });
    dues('2026-03', '2026-03-01');
    expect(() => f.db.prepare("UPDATE member_credits SET voided_on = '2026-03-02' WHERE receipt_id = ?").run(advance.id))
      .toThrow();
    const voided = f.api.voidReceipt({ receiptId: advance.id, date: '2026-03-02', reason: 'Error' });
    expect(voided.creditCreated).toBe(0);
    expect(openOf(rosa)).toEqual([['2026-03', 1000]]);
    expect(f.api.memberPosition({ associationId: f.associationId, memberId: rosa, asOf: '2026-03-02' }))
      .toMatchObject({ owed: 1000, creditAvailable: 0, net: 1000 });
    expect(journalBalanceOf(f.db, rosa)).toBe(1000);
    expectTrialBalanceZero(f);
  });
});

describe('memberStatement and arrears', () => {
  it('gives opening balance, running balances and totals for a period, matching the journal', () => {
    dues('2026-01', '2026-01-02');
    dues('2026-02', '2026-02-02');
    f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-02-05', amount: 1500 });
    dues('2026-03', '2026-03-02');
    f.api.createCharge({ associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId('Multa por inasistencia'), date: '2026-03-08', amount: 2000 });
    const statement = f.api.memberStatement({ associationId: f.associationId, memberId: rosa, from: '2026-02-01', to: '2026-03-31' });
    expect(statement.openingBalance).toBe(1000);
    expect(statement.movements.map((m) => [m.kind, m.amount, m.balance])).toEqual([
      ['charge', 1000, 2000], ['payment', -1500, 500], ['charge', 1000, 1500], ['charge', 2000, 3500],
    ]);
    expect(statement).toMatchObject({ closingBalance: 3500, totals: { charges: 4000, payments: 1500 } });
    expect(statement.closingBalance).toBe(statement.openingBalance + statement.totals.charges - statement.totals.payments);
    expect(journalBalanceOf(f.db, rosa)).toBe(3500);
    expect(f.api.memberStatement({ associationId: f.associationId, memberId: rosa, to: '2026-01-31' }).closingBalance).toBe(1000);
    expectCataloguedError(
      khipuError(() => f.api.memberStatement({ associationId: f.associationId, memberId: rosa, from: '2026-04-01', to: '2026-03-01' })),
      'period.invalid', 'from',
    );
  });

  it('ages overdue open charges at a fixed date, per member, sorted by total owed', () => {
    const flor = addMember(f.db, f.associationId, 'Flor Huamán');
    const juana = addMember(f.db, f.associationId, 'Juana Mamani');
    dues('2025-10', '2025-10-01'); // due 2025-10-31: 151 days before 2026-03-31
    dues('2026-01', '2026-01-01'); // due 2026-01-31: 59 days
    dues('2026-03', '2026-03-01'); // due 2026-03-31: not yet overdue
    f.api.createCharge({ associationId: f.associationId, memberId: flor, contributionTypeId: f.typeId('Multa por inasistencia'), date: '2026-03-10', amount: 2000 }); // 21 days
    f.api.recordPayment({ associationId: f.associationId, memberId: juana, date: '2026-02-01', amount: 2000 }); // Juana is up to date
    f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-02-01', amount: 400 }); // partial on October
    f.api.recordPayment({ associationId: f.associationId, memberId: flor, date: '2026-04-15', amount: 1000 }); // after asOf: ignored

    const report = f.api.arrears({ associationId: f.associationId, asOf: '2026-03-31' });
    expect(report.rows.map((r) => [r.fullName, r.days0to30, r.days31to90, r.over90, r.total, r.charges])).toEqual([
      ['Flor Huamán', 2000, 1000, 1000, 4000, 3],
      ['Rosa Quispe Huamán', 0, 1000, 600, 1600, 2],
    ]);
    expect(report.rows[0]!.oldestDueDate).toBe('2025-10-31');
    expect(report.totals).toEqual({ days0to30: 2000, days31to90: 2000, over90: 1600, total: 5600 });
    // A year later everything is over 90 days and Flor's April payment counts.
    const later = f.api.arrears({ associationId: f.associationId, asOf: '2027-03-31' });
    expect(later.totals).toEqual({ days0to30: 0, days31to90: 0, over90: 7600, total: 7600 });
  });
});

describe('recordInKindContribution', () => {
  it('values a faena as income, or settles a charge with it', () => {
    const faena = f.typeId('Faena (aporte en especie)');
    const work = f.api.recordInKindContribution({
      associationId: f.associationId, memberId: rosa, contributionTypeId: faena, date: '2026-03-08',
      description: 'Limpieza del canal de riego', quantity: 2000, value: 8000,
    });
    expect(work).toMatchObject({ unit: 'jornal', quantity: 2000, chargeId: null, debitAccountId: f.roleId('member_work_expense'), creditAccountId: f.roleId('in_kind_income') });
    expect(entryLines(f.db, work.entryId)).toEqual([
      { role: 'member_work_expense', code: '6598', amount: 8000, member_id: rosa },
      { role: 'in_kind_income', code: '75994', amount: -8000, member_id: rosa },
    ]);
    const fine = f.api.createCharge({ associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId('Multa por inasistencia'), date: '2026-03-01', amount: 3000 });
    expectCataloguedError(
      khipuError(() => f.api.recordInKindContribution({ associationId: f.associationId, memberId: rosa, contributionTypeId: faena, date: '2026-03-09', description: 'Faena', value: 5000, chargeId: fine.id })),
      'inKind.exceedsCharge', 'value',
    );
    const settle = f.api.recordInKindContribution({
      associationId: f.associationId, memberId: rosa, contributionTypeId: faena, date: '2026-03-09', description: 'Dos sacos de abono',
      unit: 'saco', quantity: 2000, value: 3000, chargeId: fine.id, debitAccountId: f.roleId('inventory_supplies'),
    });
    expect(entryLines(f.db, settle.entryId)).toEqual([
      { role: 'inventory_supplies', code: '252', amount: 3000, member_id: rosa },
      { role: 'receivable_members', code: '1429', amount: -3000, member_id: rosa },
    ]);
    expect(f.api.listCharges({ associationId: f.associationId, memberId: rosa })[0]).toMatchObject({ open: 0, settled: 3000 });
    const statement = f.api.memberStatement({ associationId: f.associationId, memberId: rosa });
    expect(statement.movements.map((m) => [m.kind, m.amount, m.detailAmount, m.balance])).toEqual([
      ['charge', 3000, 3000, 3000], ['inKind', 0, 8000, 3000], ['inKind', -3000, 3000, 0],
    ]);
    expectCataloguedError(
      khipuError(() => f.api.recordInKindContribution({ associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(DUE), date: '2026-03-09', description: 'x', value: 100 })),
      'inKind.typeNotInKind', 'contributionTypeId',
    );
    expectTrialBalanceZero(f);
  });
});
