import type { RoomsService } from '../../services/rooms/rooms-service.js';
import type { ChannelMethod } from './channel-handlers.js';
import type { HandlersFor } from './handler-types.js';

export function roomsHandlers(rooms: RoomsService): Omit<HandlersFor<'rooms'>, ChannelMethod> {
  return {
    'rooms.list': async (filter) => ({ items: rooms.listRooms(filter) }),
    'rooms.get': async ({ id }) => rooms.getRoom(id),
    'rooms.create': (input, { actor }) => rooms.createRoom(input, { actor }),
    'rooms.update': (input, { actor }) => rooms.updateRoom(input, { actor }),
    'rooms.delete': (input, { actor }) => rooms.deleteRoom(input, { actor }),
  };
}
