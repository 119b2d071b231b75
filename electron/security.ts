// One place for the shell's security policy: what a page may open, navigate
// to, attach or ask for. Applied to every webContents the app creates.
import { app, shell, type Session, type WebContents } from 'electron';
import { isAllowedNavigation, isExternalLinkAllowed } from './app-origin';

/** Nothing is loaded from the network, and no page is granted a browser permission. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}

export function hardenWebContents(contents: WebContents): void {
  // New windows never open inside the app; https links go to the system browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // The page may only move within its own document (hash routes); no other page, no other origin.
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(contents.getURL(), event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(contents.getURL(), event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Hardens every webContents as it is created: main window, print windows, devtools alike. */
export function installSecurityPolicy(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
