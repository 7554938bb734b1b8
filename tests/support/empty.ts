// Stands in for 'server-only' when db/ modules are imported by Vitest.
export {};
