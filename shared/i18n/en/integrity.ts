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
};
