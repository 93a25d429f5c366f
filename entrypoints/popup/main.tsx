import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { PopupApp } from '@/src/popup/PopupApp';
import '@/src/popup/popup.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupApp />
  </StrictMode>,
);
