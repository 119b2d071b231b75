// Spreadsheet text as Peruvian offices produce it: Excel's "CSV (delimitado por comas)" writes ';'
// when the list separator is ';', and Windows-1252 unless "CSV UTF-8" was chosen.

/** UTF-8 (BOM or not), UTF-16 with BOM (Excel's "Texto Unicode"), else Windows-1252, which covers Latin-1. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator used most in the first line, outside quotes: ';', ',' or tab (',' when none appears). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  let most = 0;
  for (const [delimiter, count] of counts) if (count > most) [best, most] = [delimiter, count];
  return best;
}

/** RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => { record.push(field); field = ''; };
  const endRecord = () => { endField(); records.push(record); record = []; };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (char === '"') { quoted = false; i += 1; continue; }
      field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field.trim() === '') { field = ''; quoted = true; i += 1; continue; }
    if (char === delimiter) { endField(); i += 1; continue; }
    if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += char;
    i += 1;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

function quote(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** UTF-8 with BOM and ';' so Excel in Spanish opens it with accents and columns right. */
export function writeCsv(rows: readonly (readonly string[])[], delimiter = ';'): Uint8Array {
  const text = rows.map((row) => row.map((v) => quote(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
  return new TextEncoder().encode('\ufeff' + text);
}
