/** What the rooms screen needs to know about categories; supplied by app/ (features stay independent). */
export interface CategoryOption {
  id: string;
  name: string;
}

/** Add-ins the room filters offer (supplied by app/). */
export interface AddinOption {
  id: string;
  name: string;
}
