import { useId, useState, type KeyboardEvent } from 'react';
import './principal-list-editor.css';

export interface PrincipalOption {
  /** `sip:user@domain`, `group:{id}` or `domain:{domain}`. */
  value: string;
  label: string;
}

interface PrincipalListEditorProps {
  label: string;
  value: string[];
  onChange: (next: string[]) => void;
  /** Suggestions for the picker (users and groups); any principal may still be typed. */
  options: PrincipalOption[];
  hint?: string | undefined;
  error?: string | undefined;
  /** Entries the server named in its error, highlighted. */
  flagged?: readonly string[] | undefined;
}

/**
 * An editable list of principals: chips with a remove button, and a picker (text input with a
 * datalist of users and groups) plus Add. Labels come from `options` when they are known.
 */
export function PrincipalListEditor({
  label,
  value,
  onChange,
  options,
  hint,
  error,
  flagged = [],
}: PrincipalListEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const labels = new Map(options.map((o) => [o.value, o.label]));
  const byLabel = new Map(options.map((o) => [o.label.toLowerCase(), o.value]));

  function add() {
    const typed = draft.trim();
    if (!typed) return;
    const principal = byLabel.get(typed.toLowerCase()) ?? (typed.includes(':') ? typed : `sip:${typed}`);
    if (!value.includes(principal)) onChange([...value, principal]);
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  }

  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <fieldset className={error ? 'principal-editor principal-editor--invalid' : 'principal-editor'} aria-label={label}>
      <legend>
        {label} <span className="muted">({value.length})</span>
      </legend>
      {value.length === 0 ? (
        <p className="muted principal-editor__empty">None</p>
      ) : (
        <ul className="principal-editor__chips" aria-label={`${label} entries`}>
          {value.map((principal) => (
            <li
              key={principal}
              className={flagged.includes(principal) ? 'principal-chip principal-chip--flagged' : 'principal-chip'}
            >
              <span title={principal}>{labels.get(principal) ?? principal}</span>
              <button
                type="button"
                className="principal-chip__remove"
                aria-label={`Remove ${principal} from ${label}`}
                onClick={() => onChange(value.filter((p) => p !== principal))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="principal-editor__add">
        <input
          aria-label={`Add to ${label}`}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy || undefined}
          list={`${id}-options`}
          placeholder="sip:user@domain, a user or a group"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <datalist id={`${id}-options`}>
          {options
            .filter((o) => !value.includes(o.value))
            .map((o) => (
              <option key={o.value} value={o.label} />
            ))}
        </datalist>
        <button type="button" className="button button--small" onClick={add} disabled={!draft.trim()}>
          Add
        </button>
      </div>
      {hint && !error ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
