/**
 * Folds Spanish and Quechua text for matching: no case, no accents or ñ (NFD +
 * strip marks), no apostrophes ("Q'oy" = "qoy"), hyphens as spaces, single spaces.
 * One rule for every search, in SQL (khipu_fold) and in memory.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[-_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
