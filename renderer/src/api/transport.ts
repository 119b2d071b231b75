import type { ApiResponse, KhipuBridge, PrintRequest, PrintResponse } from '../../../shared/bridge';
import type { Locale } from '../../../shared/i18n';

// Where calls go: the Electron preload's bridge when present, else the
// browser-mode server over HTTP with the launch token.

declare global {
  interface Window {
    khipu?: KhipuBridge;
  }
}

const TOKEN_KEY = 'khipu.token';

/** Takes the token from `?token=` once, keeps it for this tab, and removes it from the address bar. */
export function readLaunchToken(location: Location, storage: Storage): string | null {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

export function httpBridge(token: string | null, baseUrl = ''): KhipuBridge {
  return {
    async call(operation: string, input: unknown, locale: Locale = 'es'): Promise<ApiResponse> {
      const response = await fetch(`${baseUrl}/api/${encodeURIComponent(operation)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Accept-Language': locale,
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(input ?? {}),
      });
      const body = (await response.json().catch(() => null)) as ApiResponse | null;
      if (body && typeof body === 'object' && 'ok' in body) return body;
      return { ok: false, error: { code: 'http.unreachable', message: '' } };
    },
    // Browser mode prints from a window of its own, through the browser's print dialog: a page
    // cannot write a PDF file itself, so "Guardar PDF" opens the same dialog, where the user
    // chooses "Guardar como PDF" (the screen says so).
    async print(request: PrintRequest): Promise<PrintResponse> {
      const separator = request.route.includes('?') ? '&' : '?';
      const opened = window.open(`${window.location.pathname}#${request.route}${separator}autoprint=1`, '_blank');
      return opened ? { ok: true, browserDialog: true } : { ok: false, cancelled: true };
    },
  };
}

export function pickBridge(): KhipuBridge {
  return window.khipu ?? httpBridge(readLaunchToken(window.location, window.sessionStorage));
}
