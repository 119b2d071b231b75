// The one generic bridge from the renderer to the ledger: no per-operation code.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatchAsync, type LedgerApi } from '../db/api';
import type { ApiResponse } from '../shared/bridge';
import { CALL_CHANNEL } from './channels';
import { isTrustedSenderUrl, normalizeCallArguments } from './ipc-args';

/** Throws (the invoke rejects) unless the calling frame is one of our own pages. */
export function assertTrustedSender(event: IpcMainInvokeEvent): void {
  if (!isTrustedSenderUrl(event.senderFrame?.url)) {
    throw new Error('Khipu: llamada IPC rechazada, el remitente no es la aplicación.');
  }
}

export function registerLedgerIpc(api: LedgerApi): void {
  ipcMain.handle(CALL_CHANNEL, (event, operation: unknown, input: unknown, locale: unknown): Promise<ApiResponse> | ApiResponse => {
    assertTrustedSender(event);
    const call = normalizeCallArguments(operation, input, locale);
    if (!call.ok) return call.response;
    return dispatchAsync(api, call.operation, call.input, call.locale);
  });
}
