import type { z } from 'zod';
import type { RoomInvitations, RoomPrivacy, RoomType } from '../../../../../server/admin-api/contract';

export const PRIVACY_LABELS: Record<z.output<typeof RoomPrivacy>, string> = {
  open: 'Open',
  closed: 'Closed',
  secret: 'Secret',
};

export const PRIVACY_HINTS: Record<z.output<typeof RoomPrivacy>, string> = {
  open: 'Anyone can find, read and join.',
  closed: 'Anyone can find it; only members can read and post.',
  secret: 'Only members can find it.',
};

export const TYPE_LABELS: Record<z.output<typeof RoomType>, string> = {
  normal: 'Normal',
  auditorium: 'Auditorium',
};

export const INVITATION_LABELS: Record<z.output<typeof RoomInvitations>, string> = {
  inherit: 'Inherit from category',
  false: 'Off',
};
