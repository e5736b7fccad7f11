// Popup entry: filled in by the journeys issue.
export {};
