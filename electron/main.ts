// Desktop shell entry point. Kept thin: it wires the modules beside it in order.
// Bundled to dist/electron/main.cjs by scripts/build-electron.mjs.
import { app, BrowserWindow, dialog, session } from 'electron';
import { join } from 'node:path';
import { createLedgerApi } from '../db/api';
import { openLedgerDatabase, type LedgerDatabase } from '../db/storage/open';
import { KhipuError } from '../shared/errors';
import { registerLedgerIpc } from './ipc';
import { installMenu } from './menu';
import { registerPrintIpc } from './print';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, installSecurityPolicy } from './security';
import { databasePathFor, startupErrorMessage } from './startup';
import { createMainWindow, focusExistingWindow, type ShellPaths } from './window';

// __dirname is dist/electron in the bundle (and inside app.asar when packaged).
const paths: ShellPaths = { preload: join(__dirname, 'preload.cjs'), isPackaged: app.isPackaged };
const rendererRoot = join(__dirname, '..', 'renderer');

// The same data folder in development and when installed (the package name is
// lower-case, the product name is not, and Linux paths are case-sensitive).
app.setPath('userData', join(app.getPath('appData'), 'Khipu'));
registerAppScheme();

let mainWindow: BrowserWindow | null = null;

function openDatabase(): LedgerDatabase | null {
  try {
    return openLedgerDatabase(databasePathFor(process.env, app.getPath('userData')));
  } catch (error) {
    if (!(error instanceof KhipuError)) console.error('Khipu: no se pudo abrir la base de datos', error);
    dialog.showErrorBox('Khipu', startupErrorMessage(error));
    return null;
  }
}

function start(): void {
  const db = openDatabase();
  if (db === null) {
    app.quit();
    return;
  }
  app.on('will-quit', () => {
    if (db.open) db.close();
  });
  hardenSession(session.defaultSession);
  serveRenderer(rendererRoot);
  registerLedgerIpc(createLedgerApi(db));
  registerPrintIpc({ ...paths, documentsDir: () => app.getPath('documents') });
  installMenu(app.isPackaged);
  mainWindow = createMainWindow(paths);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusExistingWindow(mainWindow));
  installSecurityPolicy();
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
