// Sandboxed preload: exposes `window.khipu` (KhipuBridge) and nothing else.
// A sandboxed preload can only require 'electron', so everything else here is a type.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResponse, KhipuBridge, PrintResponse } from '../shared/bridge';
import { CALL_CHANNEL, PRINT_CHANNEL } from './channels';

const bridge: KhipuBridge = {
  call: (operation, input, locale) => ipcRenderer.invoke(CALL_CHANNEL, operation, input, locale) as Promise<ApiResponse>,
  print: (request) => ipcRenderer.invoke(PRINT_CHANNEL, request) as Promise<PrintResponse>,
};

contextBridge.exposeInMainWorld('khipu', bridge);
