import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './lib/i18n.ts';
import './styles/base.css';
import { App } from './App.tsx';
import { api } from './lib/services.ts';
import { startTelegram } from './lib/telegram.ts';

void startTelegram(api);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
