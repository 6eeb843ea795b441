/** A room as the topic-feed panel needs it (composed in from app/). */
export interface FeedRoom {
  id: string;
  name: string;
}

/** A user whose feeds the panel can show. */
export interface FeedUser {
  id: string;
  sipUri: string;
  displayName: string;
}
