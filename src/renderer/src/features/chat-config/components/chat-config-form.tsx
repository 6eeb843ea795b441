import { useEffect, useState, type FormEvent } from 'react';
import { channelMethods, type ServerChatConfigT } from '../../../../../server/admin-api/contract-channel';
import { fieldErrorsFromServer, fieldErrorsFromZod, type FieldErrors } from '../../../api/field-errors';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Field } from '../../../components/ui/field';
import { useChatConfig } from '../api/get-chat-config';
import { useUpdateChatConfig } from '../api/update-chat-config';

const UpdateSchema = channelMethods['chat.updateConfig'].input;

type NumberKey = Exclude<keyof ServerChatConfigT, 'roomManagementUrl' | 'dbVersion'>;
const NUMBER_FIELDS: { key: NumberKey; label: string; hint: string }[] = [
  { key: 'defaultChatHistory', label: 'DefaultChatHistory', hint: 'Messages delivered when a room is opened (1–500).' },
  { key: 'maxFileSizeKb', label: 'MaxFileSizeKB', hint: 'Largest file upload or download, in KB.' },
  {
    key: 'participantUpdateLimit',
    label: 'ParticipantUpdateLimit',
    hint: 'Above this many participants join/leave updates stop; they resume below 80 %.',
  },
  { key: 'messageSizeLimit', label: 'Message size limit', hint: 'Largest message, in characters.' },
  { key: 'storySizeLimit', label: 'Story size limit', hint: 'Largest story body, in characters.' },
  { key: 'searchLimit', label: 'Search limit', hint: 'Most results one search returns.' },
];

type Draft = Record<NumberKey, string> & { roomManagementUrl: string };

function toDraft(config: ServerChatConfigT): Draft {
  const draft = { roomManagementUrl: config.roomManagementUrl } as Draft;
  for (const { key } of NUMBER_FIELDS) draft[key] = String(config[key]);
  return draft;
}

/** `Set-CsPersistentChatConfiguration` for this server. */
export function ChatConfigForm() {
  const config = useChatConfig();
  const update = useUpdateChatConfig();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (config.data && draft === null) setDraft(toDraft(config.data));
  }, [config.data, draft]);

  function set(key: keyof Draft, value: string) {
    setDraft((previous) => (previous ? { ...previous, [key]: value } : previous));
    setErrors((previous) => ({ ...previous, [key]: undefined, _form: undefined }));
    setSaved(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const input: Record<string, unknown> = { roomManagementUrl: draft.roomManagementUrl.trim() };
    for (const { key } of NUMBER_FIELDS) input[key] = draft[key].trim() === '' ? Number.NaN : Number(draft[key]);
    const parsed = UpdateSchema.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    try {
      const next = await update.mutateAsync(parsed.data);
      setDraft(toDraft(next));
      setSaved(true);
    } catch (error) {
      setErrors(fieldErrorsFromServer(error));
    }
  }

  return (
    <section className="panel" aria-labelledby="chat-config-title">
      <div className="panel__header">
        <h2 id="chat-config-title" className="panel__title">
          Persistent Chat configuration
        </h2>
        {config.data ? <span className="muted">Database version {config.data.dbVersion}</span> : null}
      </div>
      {config.isError ? <ErrorBanner message={config.error.message} onRetry={() => void config.refetch()} /> : null}
      {!draft ? (
        <p className="muted">Loading…</p>
      ) : (
        <form className="form" aria-label="Chat configuration" onSubmit={(event) => void submit(event)} noValidate>
          <div className="form__row">
            {NUMBER_FIELDS.slice(0, 3).map(({ key, label, hint }) => (
              <Field key={key} label={label} hint={hint} error={errors[key]}>
                {(control) => (
                  <input
                    {...control}
                    inputMode="numeric"
                    value={draft[key]}
                    onChange={(event) => set(key, event.target.value)}
                  />
                )}
              </Field>
            ))}
          </div>
          <div className="form__row">
            {NUMBER_FIELDS.slice(3).map(({ key, label, hint }) => (
              <Field key={key} label={label} hint={hint} error={errors[key]}>
                {(control) => (
                  <input
                    {...control}
                    inputMode="numeric"
                    value={draft[key]}
                    onChange={(event) => set(key, event.target.value)}
                  />
                )}
              </Field>
            ))}
          </div>
          <Field
            label="RoomManagementUrl"
            hint="Replaces the built-in room management pages; empty for none."
            error={errors.roomManagementUrl}
          >
            {(control) => (
              <input
                {...control}
                type="url"
                value={draft.roomManagementUrl}
                onChange={(event) => set('roomManagementUrl', event.target.value)}
              />
            )}
          </Field>
          {errors._form ? <ErrorBanner message={errors._form} /> : null}
          <div className="form__actions">
            {saved ? (
              <span role="status" className="muted">
                Saved.
              </span>
            ) : null}
            <button type="submit" className="button button--primary" disabled={update.isPending}>
              {update.isPending ? 'Saving…' : 'Save configuration'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
