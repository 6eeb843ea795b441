/**
 * Large rooms (LYNC.md §2.10, XCCOS.md §6.5): above ParticipantUpdateLimit active participants
 * (default 75) the server stops roster notices and the initial roster; normal behaviour returns
 * when the room falls below 80 % of the limit. The state is per room, with that hysteresis.
 */
export interface ParticipantLimit {
  /** Re-evaluates after a join or part; returns true while the room's roster is suppressed. */
  update(roomId: string, participants: number, limit: number): boolean;
  suppressed(roomId: string): boolean;
}

export const RESUME_FRACTION = 0.8;

export function createParticipantLimit(): ParticipantLimit {
  const large = new Set<string>();
  return {
    update(roomId, participants, limit) {
      if (!large.has(roomId) && participants > limit) large.add(roomId);
      else if (large.has(roomId) && participants < limit * RESUME_FRACTION) large.delete(roomId);
      return large.has(roomId);
    },
    suppressed: (roomId) => large.has(roomId),
  };
}
