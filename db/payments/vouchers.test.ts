import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember, contributionsFixture, entryLines, expectTrialBalanceZero, type ContributionsFixture } from '../contributions/testing';
import { checkIntegrity } from '../integrity/check';
import { insertEntry } from '../journal/post';
import { testContext } from '../testing/temp-db';
import { addSupplier, owedToSupplier, paymentCounts, refusal } from './testing';

// Payment vouchers that need no purchase: day labour, advances to a supplier, numbering, the guards.

let fixture: ContributionsFixture;
beforeEach(() => { fixture = contributionsFixture(); });
afterEach(() => fixture.env.cleanup());

function productLine(name = 'Leche'): number {
  return Number(fixture.db.prepare('INSERT INTO product_lines (association_id, name) VALUES (?, ?)').run(fixture.associationId, name)
    .lastInsertRowid);
}

const labour = (overrides: Record<string, unknown> = {}) => fixture.api.payLabour({
  associationId: fixture.associationId, date: '2026-03-10', workerName: 'Juan Mamani Ccori', workerDni: '41234567',
  amount: 6000, concept: 'Jornal de ordeño', ...overrides,
});

describe('paying day labour', () => {
  it('issues voucher 001-000001: Dr Sueldos y jornales with the product line / Cr Caja, the worker as printed', () => {
    const lineId = productLine();
    const voucher = labour({ productLineId: lineId, days: 2000 });
    expect(voucher).toMatchObject({
      formattedNumber: '001-000001', kind: 'labour', amount: 6000, concept: 'Jornal de ordeño', days: 2000,
      payee: { name: 'Juan Mamani Ccori', dni: '41234567', ruc: null }, accountKind: 'cash', status: 'valid', printCount: 0,
      amountInWords: 'SON: SESENTA CON 00/100 SOLES', lines: [], advance: 0,
      association: { name: 'Asociación de Productores Lecheros Sumaq Q\'oy', ruc: '20131312955' },
    });
    expect(entryLines(fixture.db, voucher.entryId).map((l) => [l.role, l.amount])).toEqual([
      ['personnel_expense', 6000], ['cash', -6000],
    ]);
    const productLines = fixture.db.prepare('SELECT product_line_id FROM journal_lines WHERE entry_id = ? ORDER BY line_no')
      .all(voucher.entryId) as { product_line_id: number | null }[];
    expect(productLines.map((l) => l.product_line_id)).toEqual([lineId, null]);
    expect(voucher.expenseAccountId).toBe(fixture.roleId('personnel_expense'));
    expectTrialBalanceZero(fixture);
  });

  it('pays from the bank when a bank account is named, and prints Banco', () => {
    const voucher = labour({ accountId: fixture.roleId('bank'), workerDni: null });
    expect(voucher.accountKind).toBe('bank');
    expect(voucher.payee.dni).toBeNull();
    expect(entryLines(fixture.db, voucher.entryId).map((l) => l.role)).toEqual(['personnel_expense', 'bank']);
  });

  it.each([
    [{ workerDni: '4123456' }, 'workerDni', 'peru.dni.format'],
    [{ workerDni: '4123456A' }, 'workerDni', 'peru.dni.format'],
    [{ amount: 0 }, 'amount', 'payment.amountNotPositive'],
    [{ accountId: 0 }, 'accountId', null],
    [{ productLineId: 9999 }, 'productLineId', 'payment.productLineNotFound'],
    [{ workerName: '   ' }, 'workerName', null],
  ])('refuses %o naming %s, and writes nothing', (overrides, field, code) => {
    const before = paymentCounts(fixture.db);
    const error = refusal(() => labour(overrides));
    expect(error.field).toBe(field);
    if (code) expect(error.code).toBe(code);
    expect(paymentCounts(fixture.db)).toEqual(before);
  });

  it('refuses a payment on or before the lock date', () => {
    fixture.api.setLockDate({ associationId: fixture.associationId, lockDate: '2026-03-31' });
    const error = refusal(() => labour());
    expect(error).toMatchObject({ code: 'entry.locked', field: 'date' });
  });

  it('refuses an expense account or cash account that is not cash or bank', () => {
    const error = refusal(() => labour({ accountId: fixture.roleId('personnel_expense') }));
    expect(error).toMatchObject({ code: 'payment.accountNotCash', field: 'accountId' });
  });
});

describe('numbering and voiding', () => {
  it('keeps the number of a voided voucher, prints it ANULADO, and numbers the next without a gap', () => {
    const first = labour();
    const voided = fixture.api.voidPaymentVoucher({ voucherId: first.id, date: '2026-03-11', reason: 'Monto equivocado' });
    expect(voided).toMatchObject({
      formattedNumber: '001-000001', status: 'voided', voided: { date: '2026-03-11', reason: 'Monto equivocado' },
    });
    const reversal = entryLines(fixture.db, voided.voided!.entryId).map((l) => [l.role, l.amount]);
    expect(reversal).toEqual([['personnel_expense', -6000], ['cash', 6000]]);
    const second = labour({ amount: 5000 });
    expect(second.formattedNumber).toBe('001-000002');
    expect(fixture.api.listPaymentVouchers({ associationId: fixture.associationId }).map((v) => [v.formattedNumber, v.status]))
      .toEqual([['001-000001', 'voided'], ['001-000002', 'valid']]);
    expectTrialBalanceZero(fixture);
    expect(checkIntegrity(fixture.db, { associationId: fixture.associationId }).findings).toEqual([]);
  });

  it('refuses voiding twice, before the voucher, or inside the closed period', () => {
    const voucher = labour();
    expect(refusal(() => fixture.api.voidPaymentVoucher({ voucherId: voucher.id, date: '2026-03-09', reason: 'x' })))
      .toMatchObject({ code: 'paymentVoucher.voidBeforeDate', field: 'date' });
    fixture.api.voidPaymentVoucher({ voucherId: voucher.id, date: '2026-03-12', reason: 'Error' });
    expect(refusal(() => fixture.api.voidPaymentVoucher({ voucherId: voucher.id, date: '2026-03-13', reason: 'Otra vez' })))
      .toMatchObject({ code: 'paymentVoucher.alreadyVoided', field: 'voucherId' });
    const other = labour();
    fixture.api.setLockDate({ associationId: fixture.associationId, lockDate: '2026-03-20' });
    expect(refusal(() => fixture.api.voidPaymentVoucher({ voucherId: other.id, date: '2026-03-20', reason: 'Tarde' })))
      .toMatchObject({ code: 'entry.locked', field: 'date' });
  });

  it('numbers each association on its own', () => {
    labour();
    const otherAssociation = fixture.api.createAssociation({
      name: 'Asociación Apícola Wayra', ruc: '20100070970', legalForm: 'asociacion', ubigeo: '030601',
    }).id;
    const voucher = fixture.api.payLabour({
      associationId: otherAssociation, date: '2026-03-10', workerName: 'Ana Ccori', amount: 3000, concept: 'Cosecha de miel',
    });
    expect(voucher.formattedNumber).toBe('001-000001');
  });

  it('counts prints: the first is the original, every later one a DUPLICADO', () => {
    const voucher = labour();
    expect(fixture.api.recordVoucherPrint({ voucherId: voucher.id })).toEqual({ copy: 'original', printCount: 1 });
    expect(fixture.api.recordVoucherPrint({ voucherId: voucher.id })).toEqual({ copy: 'duplicado', printCount: 2 });
    expect(fixture.api.getPaymentVoucher({ voucherId: voucher.id }).printCount).toBe(2);
  });
});

describe('what SQLite refuses whoever writes', () => {
  const raw = (sql: string, ...params: unknown[]) => () => fixture.db.prepare(sql).run(...params);

  it('a change to a voucher, a delete, a void without its reversal, a second print at once', () => {
    const voucher = labour();
    expect(raw('UPDATE payment_vouchers SET amount = 1 WHERE id = ?', voucher.id)).toThrow('paymentVoucher.immutable');
    expect(raw('UPDATE payment_vouchers SET payee_name = ? WHERE id = ?', 'Otro', voucher.id)).toThrow('paymentVoucher.immutable');
    expect(raw('DELETE FROM payment_vouchers WHERE id = ?', voucher.id)).toThrow('paymentVoucher.immutable');
    expect(raw(`UPDATE payment_vouchers SET voided_on = '2026-03-12', voided_at = 'x', void_reason = 'r', void_entry_id = entry_id
                 WHERE id = ?`, voucher.id)).toThrow('paymentVoucher.immutable');
    expect(raw('UPDATE payment_vouchers SET print_count = print_count + 2 WHERE id = ?', voucher.id)).toThrow('paymentVoucher.immutable');
    expect(raw('UPDATE payment_vouchers SET print_count = print_count + 1 WHERE id = ?', voucher.id)).not.toThrow();
  });

  it('a voucher with a number out of series, or without its own posted entry', () => {
    const voucher = labour();
    const insert = `INSERT INTO payment_vouchers (association_id, number, date, kind, payee_name, account_id, amount, concept,
        expense_account_id, entry_id, created_at, created_by) VALUES (?, ?, '2026-03-10', 'labour', 'X', ?, 100, 'c', ?, ?, 'now', 'me')`;
    const cash = fixture.roleId('cash');
    const expense = fixture.roleId('personnel_expense');
    expect(raw(insert, fixture.associationId, 2, cash, expense, voucher.entryId)).toThrow('paymentVoucher.entryMismatch');
    // With an entry of its own (posted by the engine's function), only the number is wrong.
    const own = fixture.db.transaction(() => insertEntry(fixture.db, testContext, {
      associationId: fixture.associationId, date: '2026-03-10', description: 'Egreso', sourceType: 'payment_voucher', sourceId: 2,
      lines: [{ accountId: expense, amount: 100 }, { accountId: cash, amount: -100 }],
    }))();
    expect(raw(insert.replace('(association_id,', '(id, association_id,').replace('VALUES (?,', 'VALUES (2, ?,'),
      fixture.associationId, 3, cash, expense, own.id)).toThrow('paymentVoucher.numberGap');
    expect(raw(insert.replace('(association_id,', '(id, association_id,').replace('VALUES (?,', 'VALUES (2, ?,'),
      fixture.associationId, 2, cash, expense, own.id)).not.toThrow();
  });

  it('the voucher entry reversed by hand instead of by voiding the voucher', () => {
    const voucher = labour();
    expect(() => fixture.api.reverseEntry({ entryId: voucher.entryId, date: '2026-03-12', reason: 'a mano' }))
      .toThrow();
    expect(fixture.api.getPaymentVoucher({ voucherId: voucher.id }).status).toBe('valid');
  });

  it('an allocation to a labour voucher, a changed or deleted allocation', () => {
    const voucher = labour();
    expect(raw(`INSERT INTO voucher_allocations (voucher_id, purchase_id, date, amount) VALUES (?, 1, '2026-03-10', 100)`, voucher.id))
      .toThrow('paymentVoucher.allocationNotSupplier');
  });
});

describe('a supplier paid with nothing owed', () => {
  it('is refused naming the open balance, unless confirmed: then the whole payment is an advance (supplier balance debit)', () => {
    const supplier = addSupplier(fixture.db, fixture.associationId, 'Agroveterinaria El Ganadero SAC', { ruc: '20100047218' });
    const before = paymentCounts(fixture.db);
    const error = refusal(() => fixture.api.paySupplier({
      associationId: fixture.associationId, partyId: supplier, date: '2026-03-10', amount: 25000,
    }));
    expect(error).toMatchObject({ code: 'payment.exceedsOpen', field: 'amount' });
    expect(error.params).toMatchObject({ amount: 'S/ 250.00', open: 'S/ 0.00', supplier: 'Agroveterinaria El Ganadero SAC' });
    expect(paymentCounts(fixture.db)).toEqual(before);

    const voucher = fixture.api.paySupplier({
      associationId: fixture.associationId, partyId: supplier, date: '2026-03-10', amount: 25000, confirmOverpayment: true,
    });
    expect(voucher).toMatchObject({
      kind: 'supplier', advance: 25000, lines: [], concept: 'Adelanto al proveedor',
      payee: { name: 'Agroveterinaria El Ganadero SAC', ruc: '20100047218', dni: null, partyId: supplier },
    });
    expect(entryLines(fixture.db, voucher.entryId).map((l) => [l.role, l.amount])).toEqual([
      ['payable_suppliers', 25000], ['cash', -25000],
    ]);
    expect(owedToSupplier(fixture.db, supplier)).toBe(-25000);
    expect(checkIntegrity(fixture.db, { associationId: fixture.associationId }).findings).toEqual([]);
  });

  it('refuses an unknown supplier, or one of another association, naming partyId', () => {
    expect(refusal(() => fixture.api.paySupplier({
      associationId: fixture.associationId, partyId: 999, date: '2026-03-10', amount: 100, confirmOverpayment: true,
    }))).toMatchObject({ code: 'party.notFound', field: 'partyId' });
  });

  it('prints a supplier with a DNI under DNI', () => {
    const supplier = addSupplier(fixture.db, fixture.associationId, 'Pedro Huamán', { dni: '45678912' });
    const voucher = fixture.api.paySupplier({
      associationId: fixture.associationId, partyId: supplier, date: '2026-03-10', amount: 100, confirmOverpayment: true,
      concept: 'Adelanto por alfalfa',
    });
    expect(voucher.payee).toMatchObject({ dni: '45678912', ruc: null });
    expect(voucher.concept).toBe('Adelanto por alfalfa');
  });
});

describe('a member refund is a voucher', () => {
  function memberWithCredit(): number {
    const memberId = addMember(fixture.db, fixture.associationId, 'Rosa Quispe Huamán', '2024-05-01');
    fixture.api.recordPayment({ associationId: fixture.associationId, memberId, date: '2026-03-01', amount: 5000 });
    return memberId;
  }

  it('refundCredit issues a member_refund voucher sharing the refund entry, numbered in the vouchers series', () => {
    labour();
    const memberId = memberWithCredit();
    const refund = fixture.api.refundCredit({
      associationId: fixture.associationId, memberId, date: '2026-03-12', amount: 2000, reason: 'Pidió su adelanto',
    });
    expect(refund.paymentVoucherId).not.toBeNull();
    const voucher = fixture.api.getPaymentVoucher({ voucherId: refund.paymentVoucherId! });
    expect(voucher).toMatchObject({
      formattedNumber: '001-000002', kind: 'member_refund', amount: 2000, entryId: refund.entryId, creditRefundId: refund.id,
      payee: { name: 'Rosa Quispe Huamán', memberId }, concept: 'Devolución de saldo a favor: Pidió su adelanto',
      accountKind: 'cash', status: 'valid',
    });
    // One entry for both: the cash left once.
    expect((fixture.db.prepare("SELECT COUNT(*) AS n FROM journal_entries WHERE source_type = 'credit_refund'").get() as { n: number }).n)
      .toBe(1);
    expectTrialBalanceZero(fixture);
    expect(checkIntegrity(fixture.db, { associationId: fixture.associationId }).findings).toEqual([]);
  });

  it('voiding the refund voids its voucher', () => {
    const memberId = memberWithCredit();
    const refund = fixture.api.refundCredit({
      associationId: fixture.associationId, memberId, date: '2026-03-12', amount: 2000, reason: 'Pidió su adelanto',
    });
    const voided = fixture.api.voidCreditRefund({ refundId: refund.id, date: '2026-03-13', reason: 'No se entregó' });
    const voucher = fixture.api.getPaymentVoucher({ voucherId: refund.paymentVoucherId! });
    expect(voucher).toMatchObject({ status: 'voided', voided: { date: '2026-03-13', reason: 'No se entregó', entryId: voided.voided!.entryId } });
    expect(checkIntegrity(fixture.db, { associationId: fixture.associationId }).findings).toEqual([]);
  });

  it('voiding the voucher voids the refund, and the credit is hers again', () => {
    const memberId = memberWithCredit();
    const refund = fixture.api.refundCredit({
      associationId: fixture.associationId, memberId, date: '2026-03-12', amount: 2000, reason: 'Pidió su adelanto',
    });
    const voucher = fixture.api.voidPaymentVoucher({ voucherId: refund.paymentVoucherId!, date: '2026-03-13', reason: 'Error' });
    expect(voucher.status).toBe('voided');
    expect(fixture.api.getCreditRefund({ refundId: refund.id })).toMatchObject({ status: 'voided', voided: { reason: 'Error' } });
    expect(fixture.api.memberPosition({ associationId: fixture.associationId, memberId, asOf: '2026-03-13' }).creditAvailable).toBe(5000);
    expect(checkIntegrity(fixture.db, { associationId: fixture.associationId }).findings).toEqual([]);
  });

  it('SQLite refuses voiding a refund voucher by itself, even with the refund void entry named', () => {
    const memberId = memberWithCredit();
    const refund = fixture.api.refundCredit({
      associationId: fixture.associationId, memberId, date: '2026-03-12', amount: 2000, reason: 'Pidió su adelanto',
    });
    expect(() => fixture.db.prepare(`UPDATE payment_vouchers SET voided_on = '2026-03-13', voided_at = 'x', void_reason = 'r',
        void_entry_id = entry_id WHERE id = ?`).run(refund.paymentVoucherId)).toThrow('paymentVoucher.immutable');
  });
});
