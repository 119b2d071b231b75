// Windows of the app: the main window and the hidden print windows share the
// same hardened preferences and preload.
import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export interface ShellPaths {
  /** dist/electron/preload.cjs, resolved next to the bundled main. */
  preload: string;
  isPackaged: boolean;
}

export function secureWebPreferences({ preload, isPackaged }: ShellPaths): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The spellchecker downloads dictionaries from the network: the app stays offline.
    spellcheck: false,
    devTools: !isPackaged,
  };
}

export function createMainWindow(paths: ShellPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    title: 'Khipu',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(paths),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Never shown: a print route renders here, then is printed or saved as PDF. */
export function createPrintWindow(paths: ShellPaths): BrowserWindow {
  return new BrowserWindow({
    width: 900,
    height: 1200,
    show: false,
    webPreferences: {
      ...secureWebPreferences(paths),
      // A hidden window is throttled by default; its data must load at full speed.
      backgroundThrottling: false,
    },
  });
}

/** Second launch: bring the existing window to the front instead of opening another. */
export function focusExistingWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
