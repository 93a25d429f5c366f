// The options page's toast: a short message at the bottom, with an undo action for deletions.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from './i18n';

interface Toast {
  message: string;
  undo?: () => Promise<unknown>;
  id: number;
}

let toasts = 0;

/** The toast shown (at most one: a new message replaces it), `say` to show one, `close` to dismiss it. */
export function useToast() {
  const [toast, setToast] = useState<Toast | null>(null);
  const say = useCallback((message: string, undo?: () => Promise<unknown>) => setToast({ message, undo, id: ++toasts }), []);
  const close = useCallback(() => setToast(null), []);
  return { toast, say, close };
}

/** A short message at the bottom; with an undo action it takes focus so keyboard users can undo (not while an import runs). */
export function ToastView({ toast, busy, onClose }: { toast: Toast; busy: boolean; onClose(): void }) {
  const { t } = useI18n();
  const undoRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    if (toast.undo) undoRef.current?.focus();
    const timer = setInterval(() => {
      // Stays while the user is on it.
      if (!boxRef.current?.matches(':hover, :focus-within')) close.current();
    }, toast.undo ? 10_000 : 4_000);
    return () => clearInterval(timer);
  }, [toast]);
  return (
    <div className="toast" ref={boxRef} role="status" data-testid="toast">
      <span>{toast.message}</span>
      {toast.undo ? (
        <button
          ref={undoRef}
          type="button"
          className="button small"
          disabled={busy}
          onClick={() => {
            void toast.undo?.();
            onClose();
          }}
        >
          {t('undo')}
        </button>
      ) : null}
      <button type="button" className="button subtle small icon" aria-label={t('dismiss')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
