// Service worker entry: filled in by the journeys issue.
export {};
