/** What the rooms screen needs to know about categories; supplied by app/ (features stay independent). */
export interface CategoryOption {
  id: string;
  name: string;
}
