import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { OptionsApp } from '@/src/options/OptionsApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);
