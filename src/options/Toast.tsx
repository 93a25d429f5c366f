// The options page's toast: a short message with a close button, and an undo action for deletions.
// It sits in a strip of its own at the bottom of the page (OptionsApp), so it never covers a control.
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from './i18n';

interface Toast {
  message: string;
  undo?: () => Promise<unknown>;
  id: number;
}

/** How long a toast stays: long enough to read, longer when it offers an undo. */
const SHOWN_MS = 6_000;
const SHOWN_WITH_UNDO_MS = 10_000;
/** After the pointer or focus leaves a paused toast, it stays at least this long. */
const SHOWN_AFTER_PAUSE_MS = 2_000;

let toasts = 0;

/** The toast shown (at most one: a new message replaces it), `say` to show one, `close` to dismiss it. */
export function useToast() {
  const [toast, setToast] = useState<Toast | null>(null);
  const say = useCallback((message: string, undo?: () => Promise<unknown>) => setToast({ message, undo, id: ++toasts }), []);
  const close = useCallback(() => setToast(null), []);
  return { toast, say, close };
}

/**
 * The strip the toast appears in. It is always in the page, so screen readers announce what appears
 * in it, and it takes its own room at the bottom of the page: nothing else is covered.
 */
export function ToastRegion({ children }: { children: ReactNode }) {
  return (
    <div className="toast-region" role="status">
      {children}
    </div>
  );
}

/**
 * A short message that dismisses itself after a while, paused while the pointer is on it or the user
 * has moved the keyboard focus into it. With an undo action it takes focus, so keyboard users can undo;
 * when it goes with focus inside, focus returns to where it was (or `onFocusLost` finds it a place).
 * While an import runs (`busy`) its undo is disabled.
 */
export function ToastView({ toast, busy, onClose, onFocusLost }: { toast: Toast; busy: boolean; onClose(): void; onFocusLost?(): void }) {
  const { t } = useI18n();
  const undoRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  const focusLost = useRef(onFocusLost);
  focusLost.current = onFocusLost;

  // A layout effect: its clean-up runs while the toast is still in the document, so it can tell
  // whether focus was inside it.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return undefined;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (toast.undo) undoRef.current?.focus();

    let remaining = toast.undo ? SHOWN_WITH_UNDO_MS : SHOWN_MS;
    let startedAt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let hovered = box.matches(':hover');
    let shown = true;
    // Focus the page moved here (the undo button, after a mouse click) does not hold the toast; focus
    // the user moved or keeps here with the keyboard (:focus-visible) does.
    const held = () => hovered || box.querySelector(':focus-visible') !== null;
    const update = () => {
      if (!shown) return;
      if (held()) {
        if (timer === undefined) return;
        clearTimeout(timer);
        timer = undefined;
        remaining = Math.max(SHOWN_AFTER_PAUSE_MS, remaining - (Date.now() - startedAt));
      } else if (timer === undefined) {
        startedAt = Date.now();
        timer = setTimeout(() => close.current(), remaining);
      }
    };
    const onEnter = () => {
      hovered = true;
      update();
    };
    const onLeave = () => {
      hovered = false;
      update();
    };
    // focusout fires before focus lands elsewhere: look once it has.
    const afterFocusMoves = () => setTimeout(update);
    box.addEventListener('pointerenter', onEnter);
    box.addEventListener('pointerleave', onLeave);
    box.addEventListener('focusin', update);
    box.addEventListener('focusout', afterFocusMoves);
    update();
    return () => {
      shown = false;
      clearTimeout(timer);
      box.removeEventListener('pointerenter', onEnter);
      box.removeEventListener('pointerleave', onLeave);
      box.removeEventListener('focusin', update);
      box.removeEventListener('focusout', afterFocusMoves);
      if (box.contains(document.activeElement)) {
        if (previous?.isConnected && previous !== document.body) previous.focus();
        else focusLost.current?.();
      }
    };
  }, [toast]);

  return (
    <div
      className="toast"
      ref={boxRef}
      data-testid="toast"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
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
      <button type="button" className="button subtle small icon" aria-label={t('dismiss')} title={t('dismiss')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
