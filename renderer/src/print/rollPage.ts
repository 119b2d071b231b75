import { useLayoutEffect, type RefObject } from 'react';
import { PRINT_PAGE_LENGTH_ATTRIBUTE } from '../../../shared/bridge';

/** The 80 mm thermal roll: the receipt's named page in receipt.css, its width and margins. */
export const TICKET_ROLL = { page: 'receipt-ticket', widthMm: 80, marginMm: 4 } as const;

const MM_PER_CSS_PX = 25.4 / 96;
/** Rounding and the printer's feed: a little paper to spare beats a second, almost blank ticket. */
const SPARE_MM = 3;

/** The page length a roll needs for content this tall (CSS pixels), margins included. */
export function rollPageLengthMm(contentHeightPx: number, marginMm: number = TICKET_ROLL.marginMm): number {
  return Math.ceil(contentHeightPx * MM_PER_CSS_PX) + 2 * marginMm + SPARE_MM;
}

/**
 * A roll is cut where the content ends: `@page { size: 80mm auto }` is not honoured by
 * Chromium's printer, so once the document is on the screen (laid out at the roll's width)
 * its height is measured and the page size is set explicitly, in CSS for the browser's print
 * dialog and on <html> for the desktop shell (electron/print.ts). Runs before the route says
 * it is ready, since layout effects run before usePrintReady's effect.
 */
export function useRollPage(content: RefObject<HTMLElement | null>, active: boolean): void {
  useLayoutEffect(() => {
    const element = content.current;
    if (!active || !element) return;
    const length = rollPageLengthMm(element.getBoundingClientRect().height);
    const style = document.createElement('style');
    style.setAttribute('data-roll-page', TICKET_ROLL.page);
    style.textContent = `@page ${TICKET_ROLL.page} { size: ${TICKET_ROLL.widthMm}mm ${length}mm; margin: ${TICKET_ROLL.marginMm}mm; }`;
    document.head.append(style);
    document.documentElement.setAttribute(PRINT_PAGE_LENGTH_ATTRIBUTE, String(length));
    return () => {
      style.remove();
      document.documentElement.removeAttribute(PRINT_PAGE_LENGTH_ATTRIBUTE);
    };
  }, [content, active]);
}
