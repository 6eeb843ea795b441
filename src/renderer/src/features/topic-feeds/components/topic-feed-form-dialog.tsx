import { useState, type FormEvent } from 'react';
import type { TopicFeedT } from '../../../../../server/admin-api/contract-channel';
import { channelMethods } from '../../../../../server/admin-api/contract-channel';
import { fieldErrorsFromServer, fieldErrorsFromZod, type FieldErrors } from '../../../api/field-errors';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Field } from '../../../components/ui/field';
import { FormActions } from '../../../components/ui/form-actions';
import { useCreateTopicFeed } from '../api/create-topic-feed';
import { useUpdateTopicFeed } from '../api/update-topic-feed';
import type { FeedRoom } from './feed-room';

const CreateSchema = channelMethods['feeds.create'].input;
const MATCH_HINTS = {
  all: 'Every word must occur in the message.',
  any: 'At least one of the words must occur.',
  exact: 'The words must occur together, as a phrase.',
} as const;

interface TopicFeedFormDialogProps {
  userId: string;
  userName: string;
  rooms: FeedRoom[];
  /** Absent: a new feed. */
  feed?: TopicFeedT;
  onClose: () => void;
}

export function TopicFeedFormDialog({ userId, userName, rooms, feed, onClose }: TopicFeedFormDialogProps) {
  const [name, setName] = useState(feed?.name ?? '');
  const [keywords, setKeywords] = useState(feed?.keywords ?? '');
  const [match, setMatch] = useState<TopicFeedT['match']>(feed?.match ?? 'all');
  const [roomIds, setRoomIds] = useState<string[]>(feed?.roomIds ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateTopicFeed();
  const update = useUpdateTopicFeed();
  const pending = create.isPending || update.isPending;

  function edited<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      setErrors({});
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreateSchema.safeParse({
      userId,
      name,
      keywords,
      match,
      roomIds: roomIds.length > 0 ? roomIds : null,
    });
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    try {
      if (feed) await update.mutateAsync({ ...parsed.data, feedId: feed.id, roomIds: parsed.data.roomIds ?? null });
      else await create.mutateAsync(parsed.data);
      onClose();
    } catch (error) {
      setErrors(fieldErrorsFromServer(error));
    }
  }

  const toggleRoom = edited((id: string) =>
    setRoomIds((current) => (current.includes(id) ? current.filter((r) => r !== id) : [...current, id])),
  );

  return (
    <Dialog title={feed ? `Edit topic feed ${feed.name}` : `New topic feed for ${userName}`} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Name" error={errors.name}>
          {(control) => (
            <input {...control} autoFocus value={name} onChange={(event) => edited(setName)(event.target.value)} />
          )}
        </Field>
        <Field label="Keywords" error={errors.keywords} hint="Words separated by spaces; at most 256 characters.">
          {(control) => (
            <input {...control} value={keywords} onChange={(event) => edited(setKeywords)(event.target.value)} />
          )}
        </Field>
        <Field label="Match" error={errors.match} hint={MATCH_HINTS[match]}>
          {(control) => (
            <select
              {...control}
              value={match}
              onChange={(event) => edited(setMatch)(event.target.value as TopicFeedT['match'])}
            >
              <option value="all">All words</option>
              <option value="any">Any word</option>
              <option value="exact">Exact phrase</option>
            </select>
          )}
        </Field>
        <fieldset className="field">
          <legend className="field__label">Rooms</legend>
          <p className="field__hint">None selected: every room the user can read.</p>
          {rooms.length === 0 ? <p className="muted">No rooms.</p> : null}
          {rooms.map((room) => (
            <CheckboxField
              key={room.id}
              label={room.name}
              checked={roomIds.includes(room.id)}
              onChange={() => toggleRoom(room.id)}
            />
          ))}
          {errors.roomIds ? (
            <p className="field__error" role="alert">
              {errors.roomIds}
            </p>
          ) : null}
        </fieldset>
        {(errors._form ?? errors.userId ?? errors.feedId) ? (
          <ErrorBanner message={(errors._form ?? errors.userId ?? errors.feedId)!} />
        ) : null}
        <FormActions submitLabel={feed ? 'Save changes' : 'Create feed'} pending={pending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
