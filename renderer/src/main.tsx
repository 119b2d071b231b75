import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createClient } from './api/client';
import { pickBridge } from './api/transport';
import { translate } from './i18n/messages';
import './styles/app.css';
import './styles/print.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
const locale = () => (document.documentElement.lang === 'en' ? 'en' : 'es');
const client = createClient(pickBridge(), locale, () => translate(locale(), 'app.unreachable'));
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
