// Desktop shell. Kept thin: the window, its security settings and the single-instance lock.
// The generic IPC bridge to the ledger API arrives with the UI (issue 3).
import { app, BrowserWindow, shell } from 'electron';

const hardenedWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
} as const;

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    title: 'Khipu',
    webPreferences: hardenedWebPreferences,
  });
  // Links never navigate the app window; the system browser opens them.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [existing] = BrowserWindow.getAllWindows();
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
    }
  });
  void app.whenReady().then(() => {
    const window = createMainWindow();
    void window.loadURL('data:text/html;charset=utf-8,' + encodeURIComponent('<h1>Khipu</h1>'));
  });
  app.on('window-all-closed', () => app.quit());
}
