import { useEffect, useRef } from 'react';
import { PRINT_READY_ATTRIBUTE } from '../../../shared/bridge';

/**
 * Every print route calls this: once its data is on the page it tells the shell
 * (or a test) it may print, and in browser mode (`autoprint=1`) prints once itself.
 */
export function usePrintReady(ready: boolean, autoprint: boolean): void {
  useEffect(() => {
    if (!ready) return;
    document.documentElement.setAttribute(PRINT_READY_ATTRIBUTE, 'true');
    return () => document.documentElement.removeAttribute(PRINT_READY_ATTRIBUTE);
  }, [ready]);
  const printed = useRef(false);
  useEffect(() => {
    if (!ready || !autoprint || printed.current) return;
    printed.current = true;
    window.print();
  }, [ready, autoprint]);
}
