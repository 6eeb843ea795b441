import { useQuery } from '@tanstack/react-query';
import { roomQueries } from './get-rooms';

export function useRoom(id: string) {
  return useQuery(roomQueries.detail(id));
}
