import type { ReactNode } from 'react';
import { Dialog } from './dialog';
import { ErrorBanner } from './error-banner';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error?: string | undefined;
  /** Set when retrying cannot help (e.g. the category is not empty). */
  blocked?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pending,
  error,
  blocked = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      size="small"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button button--danger" disabled={pending || blocked} onClick={onConfirm}>
            {pending ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error ? <ErrorBanner message={error} /> : null}
    </Dialog>
  );
}
