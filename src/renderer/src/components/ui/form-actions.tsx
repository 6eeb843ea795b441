interface FormActionsProps {
  /** The submit button's label while nothing is pending. */
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
}

/** A dialog form's Cancel and submit buttons; the submit button reads "Saving…" while pending. */
export function FormActions({ submitLabel, pending, onCancel }: FormActionsProps) {
  return (
    <div className="form__actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
    </div>
  );
}
