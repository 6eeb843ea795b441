/**
 * Category actions (LYNC.md §2.2): each mutation writes the row and its audit entry in one
 * transaction and announces the fact only after commit.
 */
import { ServerError } from '../../errors/server-error.js';
import type { AuditService } from '../audit/audit-service.js';
import type { ActionContext } from '../shared/actor.js';
import type { Clock, IdGenerator } from '../shared/clock-port.js';
import type { DataPort, Readers } from '../shared/data-port.js';
import type { EventPublisher } from '../shared/events-port.js';
import { checkDescription, checkName } from '../shared/validate.js';
import type { Category, CategoryRecord } from './category-repo-port.js';

export interface CategoriesDeps {
  data: DataPort;
  audit: AuditService;
  events: EventPublisher;
  clock: Clock;
  newId: IdGenerator;
  /** SIP domain, for `ma-cat://<domain>/<guid>`. */
  domain: string;
}

export interface CreateCategoryInput {
  name: string;
  description: string;
  invitations: boolean;
  fileUpload: boolean;
  chatHistory: boolean;
}

export interface UpdateCategoryInput {
  id: string;
  name?: string;
  description?: string;
  invitations?: boolean;
  fileUpload?: boolean;
  chatHistory?: boolean;
}

export type CategoriesService = ReturnType<typeof createCategoriesService>;

export function categoryNotFound(id: string, field = 'id'): ServerError {
  return new ServerError('ERR_CATEGORY_NOT_FOUND', undefined, { id, field });
}

export function createCategoriesService({ data, audit, events, clock, newId, domain }: CategoriesDeps) {
  function assertNameFree(r: Readers, name: string, exceptId?: string): void {
    const existing = r.categories.findByName(name);
    if (existing && existing.id !== exceptId) {
      throw new ServerError('ERR_CATEGORY_NAME_TAKEN', `A category named "${existing.name}" already exists`, {
        field: 'name',
        id: existing.id,
      });
    }
  }

  function listCategories(): Category[] {
    return data.read((r) => r.categories.list());
  }

  function getCategory(id: string): Category {
    const category = data.read((r) => r.categories.get(id));
    if (!category) throw categoryNotFound(id);
    return category;
  }

  async function createCategory(input: CreateCategoryInput, { actor }: ActionContext): Promise<Category> {
    const name = checkName(input.name);
    const description = checkDescription(input.description);
    const created = await data.transaction((w) => {
      assertNameFree(w, name);
      const id = newId();
      const now = clock.now().toISOString();
      const record: CategoryRecord = {
        id,
        uri: `ma-cat://${domain}/${id}`,
        name,
        description,
        invitations: input.invitations,
        fileUpload: input.fileUpload,
        chatHistory: input.chatHistory,
        createdAt: now,
        createdBy: actor.name,
        updatedAt: now,
        updatedBy: actor.name,
      };
      w.categories.insert(record);
      w.audit.append(audit.entry(actor, 'category.create', id, null, record));
      return w.categories.get(id)!;
    });
    events.publish({ name: 'category.created', payload: created });
    return created;
  }

  async function updateCategory(input: UpdateCategoryInput, { actor }: ActionContext): Promise<Category> {
    const name = input.name === undefined ? undefined : checkName(input.name);
    const description = input.description === undefined ? undefined : checkDescription(input.description);
    const updated = await data.transaction((w) => {
      const before = w.categories.getRecord(input.id);
      if (!before) throw categoryNotFound(input.id);
      if (name !== undefined) assertNameFree(w, name, before.id);
      const after: CategoryRecord = {
        ...before,
        name: name ?? before.name,
        description: description ?? before.description,
        invitations: input.invitations ?? before.invitations,
        fileUpload: input.fileUpload ?? before.fileUpload,
        chatHistory: input.chatHistory ?? before.chatHistory,
        updatedAt: clock.now().toISOString(),
        updatedBy: actor.name,
      };
      w.categories.update(after);
      w.audit.append(audit.entry(actor, 'category.update', before.id, before, after));
      return w.categories.get(before.id)!;
    });
    events.publish({ name: 'category.updated', payload: updated });
    return updated;
  }

  /** A category that still holds rooms cannot be removed (LYNC.md §2.2). */
  async function deleteCategory({ id }: { id: string }, { actor }: ActionContext): Promise<{ id: string }> {
    await data.transaction((w) => {
      const before = w.categories.getRecord(id);
      if (!before) throw categoryNotFound(id);
      const roomCount = w.rooms.countInCategory(id);
      if (roomCount > 0) {
        throw new ServerError(
          'ERR_CATEGORY_NOT_EMPTY',
          `The category "${before.name}" still contains ${roomCount} room${roomCount === 1 ? '' : 's'}; move or delete them first`,
          { id, roomCount },
        );
      }
      w.categories.delete(id);
      w.audit.append(audit.entry(actor, 'category.delete', id, before, null));
    });
    events.publish({ name: 'category.deleted', payload: { id } });
    return { id };
  }

  return { listCategories, getCategory, createCategory, updateCategory, deleteCategory };
}
