import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../../shared/i18n';
import { translate, type MessageKey, type MessageParams } from '../i18n/messages';

// Per-laptop preferences: language and larger text. They belong to whoever sits
// at this machine, not to the association, so they live in localStorage.

export interface Settings {
  locale: Locale;
  largerText: boolean;
}

const STORAGE_KEY = 'khipu.settings';
const defaults: Settings = { locale: 'es', largerText: false };

function loadSettings(): Settings {
  try {
    const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Settings>;
    return {
      locale: stored.locale === 'en' ? 'en' : 'es',
      largerText: stored.largerText === true,
    };
  } catch {
    return defaults;
  }
}

interface SettingsContextValue extends Settings {
  update(change: Partial<Settings>): void;
  t(key: MessageKey, params?: MessageParams): string;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function SettingsProvider({ children, initial }: { children: ReactNode; initial?: Partial<Settings> }) {
  const [settings, setSettings] = useState<Settings>(() => ({ ...loadSettings(), ...initial }));
  const update = useCallback((change: Partial<Settings>) => {
    setSettings((current) => {
      const next = { ...current, ...change };
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = settings.locale === 'es' ? 'es-PE' : 'en';
    document.documentElement.classList.toggle('larger-text', settings.largerText);
  }, [settings]);
  const value = useMemo<SettingsContextValue>(
    () => ({ ...settings, update, t: (key, params) => translate(settings.locale, key, params) }),
    [settings, update],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}

/** The translator for the current language. */
export function useT(): SettingsContextValue['t'] {
  return useSettings().t;
}
