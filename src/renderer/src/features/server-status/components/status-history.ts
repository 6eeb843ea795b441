import type { ServerStatusT } from '../../../../../server/admin-api/contract';

export interface StatusSample {
  /** Milliseconds since the epoch, when the sample was fetched. */
  at: number;
  rssMiB: number;
  heapMiB: number;
  rooms: number;
  categories: number;
  users: number;
}

export const MAX_SAMPLES = 120;
const MIB = 1024 * 1024;

export function toSample(status: ServerStatusT, at: number): StatusSample {
  return {
    at,
    rssMiB: Math.round((status.memory.rssBytes / MIB) * 10) / 10,
    heapMiB: Math.round((status.memory.heapUsedBytes / MIB) * 10) / 10,
    rooms: status.counts.rooms,
    categories: status.counts.categories,
    users: status.counts.users,
  };
}

/** Appends a sample unless it is the same fetch again; keeps the last MAX_SAMPLES. */
export function appendSample(samples: readonly StatusSample[], sample: StatusSample): StatusSample[] {
  const last = samples[samples.length - 1];
  if (last && last.at === sample.at) return samples as StatusSample[];
  return [...samples, sample].slice(-MAX_SAMPLES);
}
