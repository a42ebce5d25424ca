export const activityKeys = {
  all: ["activity"] as const,
  list: (query: string) => ["activity", "list", query] as const,
};
