// Intentionally empty: the benchmark subtracts what merely having a content script costs.
