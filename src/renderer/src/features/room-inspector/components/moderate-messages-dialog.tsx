import { useState, type FormEvent } from 'react';
import type { ChatMessageT } from '../../../../../server/admin-api/contract-channel';
import { fieldErrorsFromServer, type FieldErrors } from '../../../api/field-errors';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Field } from '../../../components/ui/field';
import { formatDateTime } from '../../../components/ui/format';
import { useRemoveOrReplaceMessages, type ModerationInput } from '../api/remove-or-replace-messages';
import { fromDateTimeLocal } from './datetime-local';

/** What the server writes when no replacement text is given (Remove-CsPersistentChatMessage). */
export const DEFAULT_REPLACEMENT_TEXT = 'This message was removed by an administrator.';

type Match = NonNullable<ModerationInput['match']>;
const MATCH_LABELS: Record<Match, string> = { all: 'All keywords', any: 'Any keyword', exact: 'Exact phrase' };

interface ModerateMessagesDialogProps {
  roomId: string;
  roomName: string;
  /** One message (author + its exact time), or criteria typed by the admin. */
  message?: ChatMessageT;
  onClose: () => void;
}

type Step = { kind: 'edit' } | { kind: 'confirm'; input: ModerationInput } | { kind: 'done'; count: number };

export function ModerateMessagesDialog({ roomId, roomName, message, onClose }: ModerateMessagesDialogProps) {
  const [author, setAuthor] = useState(message?.author ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [keywords, setKeywords] = useState('');
  const [match, setMatch] = useState<Match>('all');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [action, setAction] = useState<'remove' | 'replace'>('replace');
  const [replacement, setReplacement] = useState(DEFAULT_REPLACEMENT_TEXT);
  const [step, setStep] = useState<Step>({ kind: 'edit' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const moderate = useRemoveOrReplaceMessages(roomId);

  function review(event: FormEvent) {
    event.preventDefault();
    const input: ModerationInput = { roomId, action, match, caseSensitive };
    if (message) {
      input.author = message.author;
      input.from = message.at;
      input.to = message.at;
    } else {
      if (author.trim()) input.author = author.trim();
      const fromIso = fromDateTimeLocal(from);
      const toIso = fromDateTimeLocal(to);
      if (fromIso) input.from = fromIso;
      if (toIso) input.to = toIso;
      if (keywords.trim()) input.keywords = keywords.trim();
      if (!input.author && !input.from && !input.to && !input.keywords) {
        setErrors({ keywords: 'Give at least one criterion: author, dates or keywords.' });
        return;
      }
    }
    if (action === 'replace' && replacement.trim() && replacement !== DEFAULT_REPLACEMENT_TEXT) {
      input.replacement = replacement;
    }
    setErrors({});
    setStep({ kind: 'confirm', input });
  }

  async function apply(input: ModerationInput) {
    try {
      const result = await moderate.mutateAsync(input);
      setStep({ kind: 'done', count: result.count });
    } catch (error) {
      setErrors(fieldErrorsFromServer(error));
      setStep({ kind: 'edit' });
    }
  }

  const title = message ? `Remove or replace message #${message.messageId}` : 'Remove or replace messages';
  if (step.kind === 'done') {
    return (
      <Dialog
        title={title}
        size="small"
        onClose={onClose}
        footer={
          <button type="button" className="button button--primary" onClick={onClose}>
            Close
          </button>
        }
      >
        <p role="status">
          {step.count === 0
            ? 'No message matched; nothing was changed.'
            : `${action === 'remove' ? 'Removed' : 'Replaced'} ${step.count} message${step.count === 1 ? '' : 's'}.`}{' '}
          The change is recorded for compliance and in the audit log.
        </p>
      </Dialog>
    );
  }
  if (step.kind === 'confirm') {
    const { input } = step;
    return (
      <Dialog
        title="Confirm moderation"
        size="small"
        onClose={onClose}
        footer={
          <>
            <button type="button" className="button" onClick={() => setStep({ kind: 'edit' })}>
              Back
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={moderate.isPending}
              onClick={() => void apply(input)}
            >
              {moderate.isPending ? 'Working…' : action === 'remove' ? 'Remove messages' : 'Replace messages'}
            </button>
          </>
        }
      >
        <p>
          {action === 'remove' ? 'Permanently delete' : 'Replace the text of'} every message in{' '}
          <strong>{roomName}</strong> that matches:
        </p>
        <ul>
          {input.author ? <li>author {input.author}</li> : null}
          {input.from ? <li>posted at or after {formatDateTime(input.from)}</li> : null}
          {input.to ? <li>posted at or before {formatDateTime(input.to)}</li> : null}
          {input.keywords ? (
            <li>
              {MATCH_LABELS[input.match ?? 'all'].toLowerCase()}: “{input.keywords}”
              {input.caseSensitive ? ' (case-sensitive)' : ''}
            </li>
          ) : null}
        </ul>
        {action === 'replace' ? (
          <p>
            New text: <q>{input.replacement ?? DEFAULT_REPLACEMENT_TEXT}</q>
          </p>
        ) : null}
        <p className="muted">This cannot be undone.</p>
      </Dialog>
    );
  }
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="form" onSubmit={review} noValidate>
        {message ? (
          <div className="panel">
            <p className="muted">
              {message.author} at {formatDateTime(message.at)}
            </p>
            <p>{message.text}</p>
          </div>
        ) : (
          <>
            <Field label="Author" error={errors.author} hint="SIP URI of the poster; empty for anyone.">
              {(control) => (
                <input
                  {...control}
                  placeholder="sip:user@domain"
                  value={author}
                  onChange={(event) => setAuthor(event.target.value)}
                />
              )}
            </Field>
            <div className="form__row">
              <Field label="From" error={errors.from}>
                {(control) => (
                  <input
                    {...control}
                    type="datetime-local"
                    step={1}
                    value={from}
                    onChange={(event) => setFrom(event.target.value)}
                  />
                )}
              </Field>
              <Field label="To" error={errors.to}>
                {(control) => (
                  <input
                    {...control}
                    type="datetime-local"
                    step={1}
                    value={to}
                    onChange={(event) => setTo(event.target.value)}
                  />
                )}
              </Field>
            </div>
            <div className="form__row">
              <Field label="Keywords" error={errors.keywords}>
                {(control) => (
                  <input {...control} value={keywords} onChange={(event) => setKeywords(event.target.value)} />
                )}
              </Field>
              <Field label="Match">
                {(control) => (
                  <select {...control} value={match} onChange={(event) => setMatch(event.target.value as Match)}>
                    {Object.entries(MATCH_LABELS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <CheckboxField label="Case-sensitive" checked={caseSensitive} onChange={setCaseSensitive} />
          </>
        )}
        <fieldset className="fieldset">
          <legend>Action</legend>
          <label>
            <input type="radio" name="action" checked={action === 'replace'} onChange={() => setAction('replace')} />{' '}
            Replace the text
          </label>
          <label>
            <input type="radio" name="action" checked={action === 'remove'} onChange={() => setAction('remove')} />{' '}
            Remove (no placeholder)
          </label>
        </fieldset>
        {action === 'replace' ? (
          <Field label="Replacement text" error={errors.replacement}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={replacement}
                onChange={(event) => setReplacement(event.target.value)}
              />
            )}
          </Field>
        ) : null}
        {errors._form ? <ErrorBanner message={errors._form} /> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Review…
          </button>
        </div>
      </form>
    </Dialog>
  );
}
