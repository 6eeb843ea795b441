import type { RoomFilters } from '../api/room-keys';
import { PRIVACY_LABELS, TYPE_LABELS } from './room-labels';
import type { CategoryOption } from './rooms-screen-props';

interface RoomFiltersBarProps {
  filters: RoomFilters;
  categories: CategoryOption[];
  onChange: (filters: RoomFilters) => void;
}

export function RoomFiltersBar({ filters, categories, onChange }: RoomFiltersBarProps) {
  const patch = (change: Partial<RoomFilters>) => onChange({ ...filters, ...change });
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
    </div>
  );
}
