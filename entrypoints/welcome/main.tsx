import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { WelcomeApp } from '@/src/welcome/WelcomeApp';
import '@/src/welcome/welcome.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WelcomeApp />
  </StrictMode>,
);
