import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api';
import { expectCataloguedError, khipuError } from '../../shared/testing/errors';
import { addMember, contributionsFixture, counts, entryLines, expectTrialBalanceZero, journalBalanceOf, type ContributionsFixture } from './testing';

let f: ContributionsFixture;
beforeEach(() => {
  f = contributionsFixture();
});
afterEach(() => f.env.cleanup());

const DUE = 'Cuota ordinaria mensual';

describe('contribution types', () => {
  it('seeds the usual types once, each crediting the account of its kind', () => {
    const types = f.api.listContributionTypes({ associationId: f.associationId });
    expect(types.map((t) => t.name).sort()).toEqual([
      'Aporte de capital', 'Aporte extraordinario', 'Cuota ordinaria mensual', 'Faena (aporte en especie)', 'Multa por inasistencia',
    ]);
    const due = types.find((t) => t.name === DUE)!;
    expect(due).toMatchObject({ kind: 'ordinary_due', frequency: 'monthly', defaultAmount: 1000, accountId: f.roleId('dues_income') });
    expect(types.find((t) => t.kind === 'capital')!.accountId).toBe(f.roleId('member_capital_contributions'));
    expect(types.find((t) => t.kind === 'fine')!.accountId).toBe(f.roleId('fines_income'));
    expect(types.find((t) => t.kind === 'in_kind')!.accountId).toBe(f.roleId('in_kind_income'));
    expect(f.api.seedDefaultContributionTypes({ associationId: f.associationId }).created).toBe(0);
    expect(f.api.listContributionTypes({ associationId: f.associationId })).toHaveLength(5);
  });

  it('creates, renames and archives types; refuses a repeated name and a levy without unit', () => {
    const levy = f.api.createContributionType({
      associationId: f.associationId, kind: 'levy_per_unit', name: 'Retención por litro', unit: 'litro', amountPerUnit: 5,
    });
    expect(levy).toMatchObject({ accountId: f.roleId('levy_income'), unit: 'litro', amountPerUnit: 5, frequency: null });
    expectCataloguedError(
      khipuError(() => f.api.createContributionType({ associationId: f.associationId, kind: 'fine', name: 'MULTA POR INASISTÉNCIA' })),
      'contributionType.nameTaken', 'name',
    );
    expectCataloguedError(
      khipuError(() => f.api.createContributionType({ associationId: f.associationId, kind: 'levy_per_unit', name: 'Otra', amountPerUnit: 5 })),
      'contributionType.levyUnitRequired', 'unit',
    );
    expectCataloguedError(
      khipuError(() => f.api.createContributionType({ associationId: f.associationId, kind: 'fine', name: 'Otra', accountId: f.roleId('cash') })),
      'contributionType.accountType', 'accountId',
    );
    const yearly = f.api.createContributionType({ associationId: f.associationId, kind: 'ordinary_due', name: 'Cuota anual', frequency: 'yearly', defaultAmount: 5000 });
    const renamed = f.api.updateContributionType({ associationId: f.associationId, contributionTypeId: yearly.id, name: 'Cuota anual 2026', defaultAmount: 6000, archived: true });
    expect(renamed).toMatchObject({ name: 'Cuota anual 2026', defaultAmount: 6000, archived: true });
    expect(f.api.listContributionTypes({ associationId: f.associationId }).some((t) => t.id === yearly.id)).toBe(false);
    addMember(f.db, f.associationId, 'Rosa Quispe');
    expectCataloguedError(
      khipuError(() => f.api.generateDues({ associationId: f.associationId, contributionTypeId: yearly.id, period: '2026', date: '2026-01-05' })),
      'contributionType.archived', 'contributionTypeId',
    );
  });
});

describe('generateDues', () => {
  it('charges each member active on the period\'s last day, in one entry, and creates nothing the second time', () => {
    const rosa = addMember(f.db, f.associationId, 'Rosa Quispe Huamán', '2024-05-01');
    const tika = addMember(f.db, f.associationId, 'Tika Pallana Ccori', '2026-03-20'); // joined during March: charged
    addMember(f.db, f.associationId, 'Juana Mamani Ríos', '2024-01-01', '2026-02-10'); // left before March
    addMember(f.db, f.associationId, 'Misky Llankaq Condori', '2026-04-02'); // joined after March
    const before = counts(f.db);

    const first = f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-03', date: '2026-03-01' });
    expect(first).toMatchObject({ created: 2, skipped: 0, total: 2000, creditApplied: 0 });
    expect(counts(f.db).journal_entries).toBe(before.journal_entries + 1);
    const lines = entryLines(f.db, first.entryId!);
    expect(lines).toEqual([
      { role: 'receivable_members', code: '1429', amount: 1000, member_id: rosa },
      { role: 'receivable_members', code: '1429', amount: 1000, member_id: tika },
      { role: 'dues_income', code: '75991', amount: -2000, member_id: null },
    ]);
    const charges = f.api.listCharges({ associationId: f.associationId });
    expect(charges.map((c) => [c.memberId, c.period, c.dueDate, c.description, c.open])).toEqual([
      [rosa, '2026-03', '2026-03-31', 'Cuota ordinaria mensual 03/2026', 1000],
      [tika, '2026-03', '2026-03-31', 'Cuota ordinaria mensual 03/2026', 1000],
    ]);

    const afterFirst = counts(f.db);
    const second = f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-03', date: '2026-03-02' });
    expect(second).toEqual({ created: 0, skipped: 2, total: 0, entryId: null, creditApplied: 0 });
    expect(counts(f.db)).toMatchObject({ journal_entries: afterFirst.journal_entries, charges: afterFirst.charges });
    // The database refuses a second charge of the same period even if the service were bypassed.
    expect(() => f.db.prepare(
      `INSERT INTO charges (association_id, member_id, contribution_type_id, period, date, due_date, description, amount,
         receivable_account_id, entry_id, created_at, created_by) VALUES (?, ?, ?, '2026-03', '2026-03-01', '2026-03-31', 'x', 1000, ?, ?, 'x', 'x')`,
    ).run(f.associationId, rosa, f.typeId(DUE), f.roleId('receivable_members'), first.entryId)).toThrow(/UNIQUE/);
    expectTrialBalanceZero(f);
  });

  it('generates yearly dues with a chosen amount and due date; refuses a malformed period', () => {
    const rosa = addMember(f.db, f.associationId, 'Rosa Quispe');
    const yearly = f.api.createContributionType({ associationId: f.associationId, kind: 'ordinary_due', name: 'Cuota anual', frequency: 'yearly' });
    expectCataloguedError(
      khipuError(() => f.api.generateDues({ associationId: f.associationId, contributionTypeId: yearly.id, period: '2026', date: '2026-01-05' })),
      'dues.amountRequired', 'amount',
    );
    const result = f.api.generateDues({
      associationId: f.associationId, contributionTypeId: yearly.id, period: '2026', date: '2026-01-05', dueDate: '2026-06-30', amount: 12000,
    });
    expect(result).toMatchObject({ created: 1, total: 12000 });
    expect(f.api.listCharges({ associationId: f.associationId, memberId: rosa })[0]).toMatchObject({ period: '2026', dueDate: '2026-06-30', amount: 12000 });
    for (const period of ['2026-13', '2026-3', 'marzo']) {
      expectCataloguedError(
        khipuError(() => f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period, date: '2026-03-01' })),
        'dues.periodFormat', 'period',
      );
    }
    expectCataloguedError(
      khipuError(() => f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId('Multa por inasistencia'), period: '2026-03', date: '2026-03-01' })),
      'dues.notDue', 'contributionTypeId',
    );
  });

  it('applies a member\'s credit in favour to the new dues at once', () => {
    const rosa = addMember(f.db, f.associationId, 'Rosa Quispe');
    const flor = addMember(f.db, f.associationId, 'Flor Huamán');
    const receipt = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-02-20', amount: 2500 });
    expect(receipt.creditCreated).toBe(2500);
    expect(receipt.lines).toEqual([{ lineNo: 1, chargeId: null, description: 'Saldo a favor (adelanto)', amount: 2500 }]);
    expect(entryLines(f.db, receipt.entryId)).toEqual([
      { role: 'cash', code: '101', amount: 2500, member_id: null },
      { role: 'member_credit', code: '4418', amount: -2500, member_id: rosa },
    ]);
    expect(journalBalanceOf(f.db, rosa)).toBe(-2500);

    const march = f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-03', date: '2026-03-01' });
    expect(march).toMatchObject({ created: 2, creditApplied: 1000 });
    expect(entryLines(f.db, march.entryId!)).toEqual([
      { role: 'receivable_members', code: '1429', amount: 1000, member_id: rosa },
      { role: 'receivable_members', code: '1429', amount: 1000, member_id: flor },
      { role: 'dues_income', code: '75991', amount: -2000, member_id: null },
      { role: 'member_credit', code: '4418', amount: 1000, member_id: rosa },
      { role: 'receivable_members', code: '1429', amount: -1000, member_id: rosa },
    ]);
    const rosaCharges = f.api.listCharges({ associationId: f.associationId, memberId: rosa });
    expect(rosaCharges[0]).toMatchObject({ settled: 1000, open: 0 });
    expect(f.api.listCharges({ associationId: f.associationId, memberId: flor })[0]).toMatchObject({ open: 1000 });

    const statement = f.api.memberStatement({ associationId: f.associationId, memberId: rosa });
    expect(statement.movements.map((m) => [m.kind, m.amount, m.balance])).toEqual([
      ['payment', -2500, -2500], ['charge', 1000, -1500], ['creditApplied', 0, -1500],
    ]);
    expect(statement).toMatchObject({ closingBalance: -1500, creditAvailable: 1500 });
    expect(journalBalanceOf(f.db, rosa)).toBe(-1500);

    // April and May use up the rest; June finds no credit left beyond S/ 5.00.
    f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-04', date: '2026-04-01' });
    const may = f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-05', date: '2026-05-01' });
    expect(may.creditApplied).toBe(500);
    expect(f.api.memberStatement({ associationId: f.associationId, memberId: rosa })).toMatchObject({ closingBalance: 500, creditAvailable: 0 });
    expect(f.api.listCharges({ associationId: f.associationId, memberId: rosa, openOnly: true }).map((c) => c.open)).toEqual([500]);
    expectTrialBalanceZero(f);
  });
});

describe('createCharge', () => {
  it('posts fines to income and capital contributions to equity through their receivables', () => {
    const rosa = addMember(f.db, f.associationId, 'Rosa Quispe');
    const fine = f.api.createCharge({
      associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId('Multa por inasistencia'), date: '2026-03-10',
      amount: 2000, description: 'Multa: inasistencia a la asamblea del 08/03/2026',
    });
    expect(fine).toMatchObject({ amount: 2000, open: 2000, dueDate: '2026-03-10', kind: 'fine', period: null });
    expect(entryLines(f.db, fine.entryId)).toEqual([
      { role: 'receivable_members', code: '1429', amount: 2000, member_id: rosa },
      { role: 'fines_income', code: '75993', amount: -2000, member_id: rosa },
    ]);
    const capital = f.api.createCharge({
      associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId('Aporte de capital'), date: '2026-03-10',
      amount: 50000, dueDate: '2026-12-31',
    });
    expect(capital.description).toBe('Aporte de capital');
    expect(entryLines(f.db, capital.entryId)).toEqual([
      { role: 'member_contributions_receivable', code: '1421', amount: 50000, member_id: rosa },
      { role: 'member_capital_contributions', code: '5221', amount: -50000, member_id: rosa },
    ]);
    const receipt = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-15', amount: 52000 });
    expect(entryLines(f.db, receipt.entryId)).toEqual([
      { role: 'cash', code: '101', amount: 52000, member_id: null },
      { role: 'receivable_members', code: '1429', amount: -2000, member_id: rosa },
      { role: 'member_contributions_receivable', code: '1421', amount: -50000, member_id: rosa },
    ]);
    expectCataloguedError(
      khipuError(() => f.api.createCharge({ associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(DUE), date: '2026-03-10', amount: 100 })),
      'charge.kindNotAllowed', 'contributionTypeId',
    );
    expectCataloguedError(
      khipuError(() => f.api.createCharge({ associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId('Aporte extraordinario'), date: '2026-03-10', amount: 100, dueDate: '2026-03-01' })),
      'charge.dueBeforeDate', 'dueDate',
    );
    expect(dispatch(f.api, 'createCharge', { associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId('Aporte extraordinario'), date: '2026-03-10', amount: 0 }))
      .toMatchObject({ ok: false, error: { code: 'contribution.amountNotPositive', field: 'amount' } });
    expectTrialBalanceZero(f);
  });
});

describe('voidCharge', () => {
  it('cancels a charge with a counter-entry, restores credit it used, and lets the period be generated again', () => {
    const rosa = addMember(f.db, f.associationId, 'Rosa Quispe');
    f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-02-20', amount: 600 });
    const march = f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-03', date: '2026-03-01', amount: 1500 });
    expect(march.creditApplied).toBe(600);
    const charge = f.api.listCharges({ associationId: f.associationId, memberId: rosa })[0]!;
    expect(charge.open).toBe(900);

    const voided = f.api.voidCharge({ chargeId: charge.id, date: '2026-03-03', reason: 'Monto equivocado' });
    expect(voided).toMatchObject({ open: 0, voided: { date: '2026-03-03', reason: 'Monto equivocado' } });
    expect(entryLines(f.db, voided.voided!.entryId)).toEqual([
      { role: 'dues_income', code: '75991', amount: 1500, member_id: rosa },
      { role: 'receivable_members', code: '1429', amount: -1500, member_id: rosa },
      { role: 'receivable_members', code: '1429', amount: 600, member_id: rosa },
      { role: 'member_credit', code: '4418', amount: -600, member_id: rosa },
    ]);
    expect(f.api.listCharges({ associationId: f.associationId, memberId: rosa })).toHaveLength(0);
    const statement = f.api.memberStatement({ associationId: f.associationId, memberId: rosa });
    expect(statement.movements.map((m) => [m.kind, m.amount, m.balance])).toEqual([
      ['payment', -600, -600], ['charge', 1500, 900], ['voidedCharge', -1500, -600],
    ]);
    expect(statement).toMatchObject({ closingBalance: -600, creditAvailable: 600, totals: { charges: 0, payments: 600 } });
    expect(journalBalanceOf(f.db, rosa)).toBe(-600);

    const again = f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-03', date: '2026-03-04' });
    expect(again).toMatchObject({ created: 1, total: 1000, creditApplied: 600 });
    expectCataloguedError(khipuError(() => f.api.voidCharge({ chargeId: charge.id, date: '2026-03-05', reason: 'x' })), 'charge.alreadyVoided', 'chargeId');
    expectTrialBalanceZero(f);
  });

  it('refuses to void a charge a receipt paid, writing nothing', () => {
    const rosa = addMember(f.db, f.associationId, 'Rosa Quispe');
    const fine = f.api.createCharge({ associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId('Multa por inasistencia'), date: '2026-03-01', amount: 2000 });
    const receipt = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-02', amount: 500 });
    const before = counts(f.db);
    expectCataloguedError(khipuError(() => f.api.voidCharge({ chargeId: fine.id, date: '2026-03-03', reason: 'Error' })), 'charge.hasPayments', 'chargeId');
    expectCataloguedError(khipuError(() => f.api.voidCharge({ chargeId: fine.id, date: '2026-02-28', reason: 'Error' })), 'charge.voidBeforeDate', 'date');
    expectCataloguedError(khipuError(() => f.api.voidCharge({ chargeId: 999, date: '2026-03-03', reason: 'Error' })), 'charge.notFound', 'chargeId');
    expect(counts(f.db)).toEqual(before);
    f.api.voidReceipt({ receiptId: receipt.id, date: '2026-03-03', reason: 'Error' });
    expect(f.api.voidCharge({ chargeId: fine.id, date: '2026-03-03', reason: 'Multa perdonada por la asamblea' }).voided).not.toBeNull();
    expect(f.api.arrears({ associationId: f.associationId, asOf: '2026-06-30' }).rows).toHaveLength(0);
    expect(f.api.arrears({ associationId: f.associationId, asOf: '2026-03-02' }).totals.total).toBe(1500);
    expect(f.api.memberStatement({ associationId: f.associationId, memberId: rosa }).closingBalance).toBe(0);
    expectTrialBalanceZero(f);
  });
});
