/** What checkIntegrity can find, in plain words (en). {count}: how many rows the problem touches. */
export const integrityMessages: Record<string, string> = {
  'integrity.sqlite':
    'SQLite found {count, plural, one {damage} other {# kinds of damage}} in the file itself. Keep a copy and ask for help before recording anything else.',
  'integrity.foreignKeys': '{count, plural, one {One record points} other {# records point}} at another that does not exist in the file.',
  'integrity.unposted':
    '{count, plural, one {One posting was left half-recorded} other {# postings were left half-recorded}}; it does not count in the reports.',
  'integrity.unbalanced': '{count, plural, one {One posting does not balance} other {# postings do not balance}}: debits differ from credits.',
  'integrity.snapshots':
    '{count, plural, one {One monthly balance differs} other {# monthly balances differ}} from the sum of its postings.',
  'integrity.postingFlag': 'An internal posting flag was left raised: monthly balances could be changed by hand.',
  'integrity.reversalLinks':
    '{count, plural, one {One correction is not linked} other {# corrections are not linked}} with the posting they correct.',
  'integrity.documentEntry':
    '{count, plural, one {One document (receipt, charge, contribution…) has} other {# documents (receipts, charges, contributions…) have}} no record in the books.',
  'integrity.voidEntry':
    '{count, plural, one {One voided document has} other {# voided documents have}} no record of the void in the books.',
  'integrity.voidReleases':
    '{count, plural, one {One payment or credit of a voided document is still live} other {# payments or credits of voided documents are still live}}.',
  'integrity.entryNumbering':
    '{count, plural, one {One fiscal year has} other {# fiscal years have}} gaps in the numbering of its postings.',
  'integrity.documentNumbering':
    '{count, plural, one {One series of receipts or refunds has} other {# series of receipts or refunds have}} gaps in its numbering.',
  'integrity.settledMarks':
    '{count, plural, one {One charge shows} other {# charges show}} as paid or open against what its payments say.',
  'integrity.creditOverused':
    '{count, plural, one {One credit in favour shows as} other {# credits in favour show as}} used or refunded beyond their amount, or after being voided.',
  'integrity.refundUses':
    '{count, plural, one {One credit refund does not match} other {# credit refunds do not match}} the credits of the member it was paid from.',
  'integrity.productStock':
    '{count, plural, one {The stock of one product does not match} other {The stock of # products does not match}} the sum of its movements in and out.',
  'integrity.purchaseFigures':
    '{count, plural, one {One purchase does not add up} other {# purchases do not add up}}: its lines differ from its subtotal, a line’s price times quantity differs from its amount, or its total is not the subtotal plus IGV. What is owed to the supplier may be wrong.',
  'integrity.saleFigures':
    '{count, plural, one {One sale does not add up} other {# sales do not add up}}: its lines differ from its subtotal, a line’s price times quantity differs from its amount, or its total is not the subtotal plus IGV. What was collected or is owed may be wrong.',
  'integrity.purchaseEntryAmount':
    '{count, plural, one {One purchase is} other {# purchases are}} in the books for another amount: the debt to the supplier or the IGV recorded are not the document’s. What is owed to that supplier would not be true.',
  'integrity.saleEntryAmount':
    '{count, plural, one {One sale is} other {# sales are}} in the books for other amounts: the cash received or the amount owed, the income, the IGV or the cost of what was sold are not the document’s.',
  'integrity.voucherEntryAmount':
    '{count, plural, one {One payment voucher is} other {# payment vouchers are}} in the books for another amount than was paid: the cash or bank balance, or what is owed to the supplier, would not be true.',
  'integrity.collectionEntryAmount':
    '{count, plural, one {One collection receipt from a buyer is} other {# collection receipts from buyers are}} in the books for another amount than was collected: the cash or bank balance, or what the buyer owes, would not be true.',
  'integrity.adjustmentEntryAmount':
    '{count, plural, one {One stock adjustment is} other {# stock adjustments are}} in the books for another value than it moved in the store.',
  'integrity.stockMovementSource':
    '{count, plural, one {One document (purchase, sale or adjustment) does not match} other {# documents (purchases, sales or adjustments) do not match}} what went into or out of the store for it: the quantity or value moved are not its lines’. The store’s balance would not be true.',
  'integrity.voucherAllocations':
    '{count, plural, one {One payment voucher or purchase does not add up} other {# payment vouchers or purchases do not add up}} in what was paid: a voucher spreads more than it paid, a purchase shows as paid beyond its total, or a voucher settles a voided purchase, another supplier’s or another association’s. What is owed to suppliers may not be true.',
  'integrity.collectionAllocations':
    '{count, plural, one {One collection receipt or sale does not add up} other {# collection receipts or sales do not add up}} in what was collected: a receipt spreads more than it collected, a sale shows as paid beyond its total, or a receipt pays a voided sale, a cash sale, another buyer’s or another association’s. What buyers owe may not be true.',
  'integrity.jointShares':
    '{count, plural, one {One joint purchase does not match} other {# joint purchases do not match}} what was charged to the members: their shares do not add up to what was bought for them, or a member’s charge is not her share. What each member owes may be wrong.',
  'integrity.inventoryBooks':
    '{count, plural, one {One inventory account (goods, products, raw materials or supplies) does not match} other {# inventory accounts (goods, products, raw materials or supplies) do not match}} the value of what is in the store: the books and the store say different things. An entry typed by hand on that account also causes it.',
  'integrity.contractFigures':
    '{count, plural, one {One contract document does not add up} other {# contract documents do not add up}}: a delivery’s lines differ from price × quantity, an acta accepts more than was delivered, an invoice passes what was accepted or repeats a delivery, or collections pass their invoice. What the entity owes may not be true.',
  'integrity.contractEntryAmount':
    '{count, plural, one {One contract document (delivery, invoice or collection) does not carry} other {# contract documents (deliveries, invoices or collections) do not carry}} its amounts in its entry.',
  'integrity.acopioFigures':
    '{count, plural, one {One acopio sheet or settlement does not add up} other {# acopio sheets or settlements do not add up}}: rows against price × quantity or the total, lines against gross and levy, net against gross − levy − deductions, or the receipt against the deductions. What is owed to members may be wrong.',
  'integrity.acopioEntryAmount':
    '{count, plural, one {One acopio sheet or settlement does not carry} other {# acopio sheets or settlements do not carry}} its amounts in its entry (what is owed to each member, the stock, the levy or the deductions).',
};
