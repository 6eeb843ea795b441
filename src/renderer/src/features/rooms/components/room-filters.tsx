import type { RoomFilters, RoomRoleFilters } from '../api/room-keys';
import { PRIVACY_LABELS, TYPE_LABELS } from './room-labels';
import type { AddinOption, CategoryOption } from './rooms-screen-props';

export type AllRoomFilters = RoomFilters & RoomRoleFilters;

interface RoomFiltersBarProps {
  filters: AllRoomFilters;
  categories: CategoryOption[];
  addins: AddinOption[];
  onChange: (filters: AllRoomFilters) => void;
}

export function RoomFiltersBar({ filters, categories, addins, onChange }: RoomFiltersBarProps) {
  const patch = (change: Partial<AllRoomFilters>) => onChange({ ...filters, ...change });
  const disabledValue = filters.disabled === undefined ? '' : String(filters.disabled);
  return (
    <div className="toolbar" role="search" aria-label="Filter rooms">
      <label className="toolbar__field toolbar__field--grow">
        <span className="toolbar__label">Search</span>
        <input
          type="search"
          placeholder="Name or description"
          value={filters.search ?? ''}
          onChange={(event) => patch({ search: event.target.value })}
        />
      </label>
      <label className="toolbar__field">
        <span className="toolbar__label">Category</span>
        <select
          value={filters.categoryId ?? ''}
          onChange={(event) => patch({ categoryId: event.target.value || undefined })}
        >
          <option value="">All categories</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar__field">
        <span className="toolbar__label">Privacy</span>
        <select
          value={filters.privacy ?? ''}
          onChange={(event) => patch({ privacy: (event.target.value || undefined) as RoomFilters['privacy'] })}
        >
          <option value="">Any privacy</option>
          {Object.entries(PRIVACY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar__field">
        <span className="toolbar__label">Type</span>
        <select
          value={filters.type ?? ''}
          onChange={(event) => patch({ type: (event.target.value || undefined) as RoomFilters['type'] })}
        >
          <option value="">Any type</option>
          {Object.entries(TYPE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar__field">
        <span className="toolbar__label">Status</span>
        <select
          value={disabledValue}
          onChange={(event) =>
            patch({ disabled: event.target.value === '' ? undefined : event.target.value === 'true' })
          }
        >
          <option value="">Enabled and disabled</option>
          <option value="false">Enabled only</option>
          <option value="true">Disabled only</option>
        </select>
      </label>
      <label className="toolbar__field">
        <span className="toolbar__label">Member</span>
        <input
          type="search"
          placeholder="sip:user@… or group"
          value={filters.member ?? ''}
          onChange={(event) => patch({ member: event.target.value })}
        />
      </label>
      <label className="toolbar__field">
        <span className="toolbar__label">Manager</span>
        <input
          type="search"
          placeholder="sip:user@… or group"
          value={filters.manager ?? ''}
          onChange={(event) => patch({ manager: event.target.value })}
        />
      </label>
      <label className="toolbar__field">
        <span className="toolbar__label">Add-in</span>
        <select value={filters.addinId ?? ''} onChange={(event) => patch({ addinId: event.target.value || undefined })}>
          <option value="">Any add-in</option>
          <option value="none">No add-in</option>
          {addins.map((addin) => (
            <option key={addin.id} value={addin.id}>
              {addin.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
