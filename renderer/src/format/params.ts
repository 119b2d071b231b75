/** A positive integer written in plain digits in the address ("12"; not "1e3", "-1" or "0"), or null. */
export function positiveId(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
