import { describe, expect, it } from 'vitest';
import { createLedgerApi } from '../api';
import { insertEntry } from '../journal/post';
import { migrations } from '../storage/migrations';
import { openLedgerDatabase } from '../storage/open';
import { tempDatabase, testContext } from '../testing/temp-db';
import { expectCataloguedError, khipuError } from '../../shared/testing/errors';
import {
  DUE, FINE, addMember, counts, entryLines, expectTrialBalanceZero, freshFixtureEachTest, journalBalanceOf, type ContributionsFixture,
} from './testing';

// The member's position is one function, and credit in favour always pays her open charges,
// oldest first, whatever made the two meet.

let f: ContributionsFixture;
let rosa: number;
freshFixtureEachTest((fixture, member) => { f = fixture; rosa = member; });

const dues = (period: string) => f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period });
const fine = (date: string, amount: number) => f.api.createCharge({
  associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(FINE), date, amount, confirmDuplicate: true,
});
const pay = (date: string, amount: number, apply?: { chargeIds: number[] }) =>
  f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date, amount, ...(apply ? { apply } : {}) });
const position = (asOf: string) => f.api.memberPosition({ associationId: f.associationId, memberId: rosa, asOf });
const openOf = () => f.api.listCharges({ associationId: f.associationId, memberId: rosa }).map((c) => [c.description, c.open]);

describe('memberPosition', () => {
  it('gives owed, overdue, open charges and credit as of a day; net is owed less credit', () => {
    dues('2026-01');
    dues('2026-02');
    pay('2026-02-10', 1500);
    expect(position('2026-02-10')).toEqual({
      memberId: rosa, fullName: 'Rosa Quispe Huamán', asOf: '2026-02-10', owed: 500, overdue: 0, creditAvailable: 0, net: 500,
      openCharges: [{
        chargeId: expect.any(Number), description: 'Cuota ordinaria mensual 02/2026', date: '2026-02-01', dueDate: '2026-02-28',
        amount: 1000, open: 500, overdueDays: 0,
      }],
    });
    // Before the payment: both dues owed, January's overdue by 9 days on 9 February.
    expect(position('2026-02-09')).toMatchObject({ owed: 2000, overdue: 1000, net: 2000 });
    expect(position('2026-02-09').openCharges.map((c) => c.overdueDays)).toEqual([9, 0]);
    expect(position('2026-03-05')).toMatchObject({ owed: 500, overdue: 500, net: 500 });
    const all = f.api.memberPositions({ associationId: f.associationId, asOf: '2026-03-05' });
    expect(all.rows).toEqual([expect.objectContaining({ memberId: rosa, owed: 500, overdue: 500, openCharges: 1, net: 500 })]);
    expect(all.totals).toEqual({ owed: 500, overdue: 500, creditAvailable: 0, members: 1, membersOverdue: 1 });
    expect(f.api.dashboard({ associationId: f.associationId, today: '2026-03-05' }).arrears).toEqual({ members: 1, amount: 500 });
    expect(f.api.arrears({ associationId: f.associationId, asOf: '2026-03-05' }).totals.total).toBe(500);
    const statement = f.api.memberStatement({ associationId: f.associationId, memberId: rosa, to: '2026-03-05' });
    expect(statement.position).toEqual(position('2026-03-05'));
    expect(statement.closingBalance).toBe(500);
  });

  it('names the member field when she is not of the association', () => {
    expectCataloguedError(khipuError(() => f.api.memberPosition({ associationId: f.associationId, memberId: 999 })), 'contribution.memberNotFound', 'memberId');
  });
});

describe('credit in favour is applied whenever it meets an open charge', () => {
  it('when a payment beyond what is owed meets charges dated later: applied on each charge\'s date', () => {
    dues('2026-03');
    dues('2026-04');
    const receipt = pay('2026-02-20', 1500);
    expect(receipt.creditCreated).toBe(1500);
    expect(receipt.owedAfter).toBe(0);
    expect(openOf()).toEqual([['Cuota ordinaria mensual 03/2026', 0], ['Cuota ordinaria mensual 04/2026', 500]]);
    expect(position('2026-02-25')).toMatchObject({ owed: 0, creditAvailable: 1500 });
    expect(position('2026-03-01')).toMatchObject({ owed: 0, creditAvailable: 500 });
    expect(position('2026-04-01')).toMatchObject({ owed: 500, creditAvailable: 0, net: 500 });
    const applications = f.db.prepare("SELECT id, date FROM journal_entries WHERE source_type = 'credit_application' ORDER BY date").all() as
      { id: number; date: string }[];
    expect(applications.map((e) => e.date)).toEqual(['2026-03-01', '2026-04-01']);
    expect(entryLines(f.db, applications[0]!.id)).toEqual([
      { role: 'member_credit', code: '4418', amount: 1000, member_id: rosa },
      { role: 'receivable_members', code: '1429', amount: -1000, member_id: rosa },
    ]);
    expect(journalBalanceOf(f.db, rosa)).toBe(500);
    expectTrialBalanceZero(f);
  });

  it('when a charge void frees the credit it used: it pays her other open charges at once', () => {
    pay('2026-01-05', 1000);
    const wrong = fine('2026-01-10', 1000);
    expect(wrong.settled).toBe(1000);
    const right = fine('2026-01-12', 600);
    expect(position('2026-01-12')).toMatchObject({ owed: 600, creditAvailable: 0 });
    f.api.voidCharge({ chargeId: wrong.id, date: '2026-01-15', reason: 'Multa puesta a otra socia' });
    expect(f.api.listCharges({ associationId: f.associationId, memberId: rosa }).find((c) => c.id === right.id)).toMatchObject({ open: 0 });
    expect(position('2026-01-15')).toMatchObject({ owed: 0, creditAvailable: 400, net: -400 });
    expect(journalBalanceOf(f.db, rosa)).toBe(-400);
    expectTrialBalanceZero(f);
  });

  it('when voiding a receipt reopens charges while she has other credit: the credit pays them', () => {
    dues('2026-01');
    const january = pay('2026-01-10', 1000);
    const advance = pay('2026-01-12', 700);
    expect(advance.creditCreated).toBe(700);
    f.api.voidReceipt({ receiptId: january.id, date: '2026-01-20', reason: 'Billete falso' });
    expect(openOf()).toEqual([['Cuota ordinaria mensual 01/2026', 300]]);
    expect(position('2026-01-20')).toMatchObject({ owed: 300, creditAvailable: 0, net: 300 });
    expect(journalBalanceOf(f.db, rosa)).toBe(300);
    expectTrialBalanceZero(f);
  });

  it('when a back-dated charge appears: credit applied ahead to a later charge goes to it first', () => {
    dues('2026-03');
    pay('2026-01-10', 1000); // waits for March
    expect(openOf()).toEqual([['Cuota ordinaria mensual 03/2026', 0]]);
    fine('2026-02-01', 400);
    expect(openOf()).toEqual([['Multa por inasistencia', 0], ['Cuota ordinaria mensual 03/2026', 400]]);
    expect(position('2026-02-15')).toMatchObject({ owed: 0, creditAvailable: 600 });
    expect(position('2026-03-01')).toMatchObject({ owed: 400, creditAvailable: 0 });
    expect(journalBalanceOf(f.db, rosa)).toBe(400);
    expectTrialBalanceZero(f);
  });

  it('when dues for an earlier period are generated later: credit applied ahead pays them first', () => {
    dues('2026-02');
    pay('2026-01-01', 600); // waits for February
    dues('2026-01');
    expect(openOf()).toEqual([['Cuota ordinaria mensual 01/2026', 400], ['Cuota ordinaria mensual 02/2026', 1000]]);
    expect(position('2026-01-15')).toMatchObject({ owed: 400, creditAvailable: 0 });
    expect(journalBalanceOf(f.db, rosa)).toBe(1400);
    expectTrialBalanceZero(f);
  });

  it('when the treasurer ticks charges and pays more: the rest pays her other charges, oldest first', () => {
    dues('2026-01');
    dues('2026-02');
    const [january, february] = f.api.listCharges({ associationId: f.associationId, memberId: rosa });
    const receipt = pay('2026-02-10', 1500, { chargeIds: [february!.id] });
    expect(receipt.lines.map((l) => [l.chargeId, l.amount])).toEqual([[february!.id, 1000], [january!.id, 500]]);
    expect(receipt).toMatchObject({ creditCreated: 0, owedAfter: 500 });
    expect(position('2026-02-10')).toMatchObject({ owed: 500, creditAvailable: 0 });
  });
});

describe('the receipt says what is still owed, where the money went and who received it', () => {
  it('keeps owedAfter as printed, names cash or bank, the treasurer or the recorder, and no credit once voided', () => {
    dues('2026-01');
    dues('2026-02');
    const partial = pay('2026-02-05', 1200);
    expect(partial).toMatchObject({ owedAfter: 800, accountKind: 'cash', accountName: 'Caja', receivedBy: 'prueba', createdBy: 'prueba' });
    const banked = f.api.recordPayment({
      associationId: f.associationId, memberId: rosa, date: '2026-02-06', amount: 1000, accountId: f.roleId('bank'),
    });
    expect(banked).toMatchObject({ owedAfter: 0, accountKind: 'bank', creditCreated: 200 });
    // Later payments do not change what the first receipt printed.
    expect(f.api.getReceipt({ receiptId: partial.id }).owedAfter).toBe(800);
    const voided = f.api.voidReceipt({ receiptId: banked.id, date: '2026-02-07', reason: 'Depósito no llegó' });
    expect(voided.creditCreated).toBe(0);
    expect(position('2026-02-07')).toMatchObject({ owed: 800, creditAvailable: 0 });
  });
});

describe('refundCredit', () => {
  it('pays credit back as a numbered document: Dr 4418 / Cr cash, never beyond the credit', () => {
    pay('2026-01-05', 2500);
    const before = counts(f.db);
    const error = khipuError(() => f.api.refundCredit({
      associationId: f.associationId, memberId: rosa, date: '2026-01-10', amount: 3000, reason: 'Viaja a Lima',
    }));
    expectCataloguedError(error, 'creditRefund.exceedsCredit', 'amount');
    expect(error.message).toContain('S/ 25.00');
    expect(counts(f.db)).toEqual(before);

    const first = f.api.refundCredit({ associationId: f.associationId, memberId: rosa, date: '2026-01-10', amount: 1000, reason: 'Viaja a Lima' });
    expect(first).toMatchObject({
      formattedNumber: '001-000001', amount: 1000, amountInWords: 'SON: DIEZ CON 00/100 SOLES', accountKind: 'cash', status: 'valid',
      member: { id: rosa, fullName: 'Rosa Quispe Huamán' }, createdBy: 'prueba', voided: null,
    });
    expect(entryLines(f.db, first.entryId)).toEqual([
      { role: 'member_credit', code: '4418', amount: 1000, member_id: rosa },
      { role: 'cash', code: '101', amount: -1000, member_id: null },
    ]);
    const second = f.api.refundCredit({
      associationId: f.associationId, memberId: rosa, date: '2026-01-11', amount: 500, accountId: f.roleId('bank'), reason: 'Resto',
    });
    expect(second).toMatchObject({ formattedNumber: '001-000002', accountKind: 'bank' });
    expect(position('2026-01-11')).toMatchObject({ creditAvailable: 1000, net: -1000 });
    expect(f.api.listCreditRefunds({ associationId: f.associationId }).map((r) => r.formattedNumber)).toEqual(['001-000002', '001-000001']);
    const statement = f.api.memberStatement({ associationId: f.associationId, memberId: rosa });
    expect(statement.movements.map((m) => [m.kind, m.amount, m.balance])).toEqual([
      ['payment', -2500, -2500], ['creditRefund', 1000, -1500], ['creditRefund', 500, -1000],
    ]);
    // The receipt whose credit was refunded cannot be voided until the refunds are.
    const receiptId = f.api.listReceipts({ associationId: f.associationId })[0]!.id;
    expectCataloguedError(
      khipuError(() => f.api.voidReceipt({ receiptId, date: '2026-01-12', reason: 'Error' })), 'receipt.creditRefunded', 'receiptId',
    );
    expect(journalBalanceOf(f.db, rosa)).toBe(-1000);
    expectTrialBalanceZero(f);
  });

  it('voids a refund: the credit returns and pays her open charges at once', () => {
    pay('2026-01-05', 1000);
    const refund = f.api.refundCredit({ associationId: f.associationId, memberId: rosa, date: '2026-01-06', amount: 1000, reason: 'Pidió su dinero' });
    dues('2026-02');
    expect(position('2026-02-01')).toMatchObject({ owed: 1000, creditAvailable: 0 });
    const voided = f.api.voidCreditRefund({ refundId: refund.id, date: '2026-02-03', reason: 'No se entregó el dinero' });
    expect(voided).toMatchObject({ status: 'voided', voided: { date: '2026-02-03', reason: 'No se entregó el dinero' } });
    expect(position('2026-02-03')).toMatchObject({ owed: 0, creditAvailable: 0, net: 0 });
    expect(f.api.getCreditRefund({ refundId: refund.id }).status).toBe('voided');
    expectCataloguedError(
      khipuError(() => f.api.voidCreditRefund({ refundId: refund.id, date: '2026-02-04', reason: 'Otra vez' })),
      'creditRefund.alreadyVoided', 'refundId',
    );
    expect(() => f.db.prepare('UPDATE credit_refunds SET amount = 1 WHERE id = ?').run(refund.id)).toThrow('creditRefund.immutable');
    expect(() => f.db.prepare('DELETE FROM credit_refund_uses').run()).toThrow('creditRefund.immutable');
    expect(journalBalanceOf(f.db, rosa)).toBe(0);
    expectTrialBalanceZero(f);
  });

  it('refuses through SQL a refund use beyond what is left of the credit', () => {
    const receipt = pay('2026-01-05', 1000);
    const credit = f.db.prepare('SELECT id FROM member_credits WHERE receipt_id = ?').get(receipt.id) as { id: number };
    const refund = f.api.refundCredit({ associationId: f.associationId, memberId: rosa, date: '2026-01-06', amount: 600, reason: 'Parte' });
    expect(() => f.db.prepare('INSERT INTO credit_refund_uses (refund_id, credit_id, amount) VALUES (?, ?, 500)').run(refund.id, credit.id))
      .toThrow();
    fine('2026-01-07', 300);
    expect(position('2026-01-07')).toMatchObject({ owed: 0, creditAvailable: 100 });
  });
});

describe('accounts named for what they are', () => {
  it('puts a work day that settles a fine in "Faenas y trabajo de los socios", not in third parties\' services', () => {
    const penalty = fine('2026-03-01', 3000);
    const work = f.api.recordInKindContribution({
      associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId('Faena (aporte en especie)'), date: '2026-03-02',
      description: 'Faena de limpieza de canal', quantity: 1000, value: 3000, chargeId: penalty.id,
    });
    expect(entryLines(f.db, work.entryId)).toEqual([
      { role: 'member_work_expense', code: '6598', amount: 3000, member_id: rosa },
      { role: 'receivable_members', code: '1429', amount: -3000, member_id: rosa },
    ]);
    const accounts = f.api.listAccounts({ associationId: f.associationId });
    const byCode = (code: string) => accounts.find((a) => a.code === code)!;
    expect(byCode('6598').name).toBe('Faenas y trabajo de los socios');
    expect(byCode('6598').parentId).toBe(byCode('659').id);
    expect(byCode('4418').name).toBe('Saldo a favor de socios (adelantos)');
    expect(byCode('4418').parentId).toBe(byCode('441').id);
  });
});

describe('migration 10', () => {
  it('adds the accounts to an existing association and keeps older credit in 4419, read and applied from there', () => {
    const env = tempDatabase();
    env.db.close();
    const path = `${env.folder}/v9.sqlite`;
    const old = openLedgerDatabase(path, { migrations: migrations.filter((m) => m.version <= 9), backupDirectory: env.folder });
    const oldApi = createLedgerApi(old, testContext);
    const associationId = oldApi.createAssociation({ name: 'Asociación Ccori Ñawi', legalForm: 'asociacion', ubigeo: '030601' }).id;
    // A file from before version 10 has neither account: the template of its day did not.
    old.prepare("DELETE FROM accounts WHERE association_id = ? AND code IN ('4418', '6598')").run(associationId);
    const member = addMember(old, associationId, 'Tika Pallana Ccori');
    const role = (r: string) => (old.prepare('SELECT id FROM accounts WHERE association_id = ? AND role = ?').get(associationId, r) as { id: number }).id;
    const entry = old.transaction(() => insertEntry(old, testContext, {
      associationId, date: '2026-01-05', sourceType: 'receipt', sourceId: 1, description: 'Recibo 001-000001 — Tika',
      lines: [
        { accountId: role('cash'), amount: 800, memo: 'Recibo 001-000001' },
        { accountId: role('payable_members'), amount: -800, memberId: member, memo: 'Saldo a favor (adelanto)' },
      ],
    }))();
    old.prepare(`INSERT INTO receipts (id, association_id, series, number, date, member_id, total, account_id, entry_id, created_at, created_by)
                 VALUES (1, ?, '001', 1, '2026-01-05', ?, 800, ?, ?, '2026-01-05T10:00:00Z', 'prueba')`)
      .run(associationId, member, role('cash'), entry.id);
    old.prepare("INSERT INTO receipt_lines (receipt_id, line_no, description, amount) VALUES (1, 1, 'Saldo a favor (adelanto)', 800)").run();
    old.prepare("INSERT INTO member_credits (association_id, member_id, receipt_id, date, amount) VALUES (?, ?, 1, '2026-01-05', 800)")
      .run(associationId, member);
    old.close();

    const db = openLedgerDatabase(path, { backupDirectory: env.folder });
    try {
      const api = createLedgerApi(db, testContext);
      const accounts = api.listAccounts({ associationId });
      expect(accounts.filter((a) => ['4418', '6598'].includes(a.code)).map((a) => [a.code, a.role])).toEqual([
        ['4418', 'member_credit'], ['6598', 'member_work_expense'],
      ]);
      expect(api.memberPosition({ associationId, memberId: member, asOf: '2026-01-06' })).toMatchObject({ creditAvailable: 800, net: -800 });
      expect(api.getReceipt({ receiptId: 1 })).toMatchObject({ creditCreated: 800, owedAfter: 0 });
      api.seedDefaultContributionTypes({ associationId });
      const typeId = api.listContributionTypes({ associationId }).find((t) => t.kind === 'fine')!.id;
      const charge = api.createCharge({ associationId, memberId: member, contributionTypeId: typeId, date: '2026-01-10', amount: 500 });
      expect(entryLines(db, charge.entryId).filter((l) => l.code === '4419')).toEqual([
        { role: 'payable_members', code: '4419', amount: 500, member_id: member },
      ]);
      expect(api.memberPosition({ associationId, memberId: member, asOf: '2026-01-10' })).toMatchObject({ owed: 0, creditAvailable: 300 });
      const ledger = (db.prepare(`SELECT COALESCE(SUM(l.amount), 0) AS n FROM journal_lines l JOIN accounts a ON a.id = l.account_id
          WHERE l.member_id = ? AND a.role IN ('receivable_members', 'payable_members', 'member_credit')`).get(member) as { n: number }).n;
      expect(ledger).toBe(-300);
    } finally {
      db.close();
      env.cleanup();
    }
  });
});
