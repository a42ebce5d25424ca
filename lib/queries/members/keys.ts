export const memberKeys = {
  all: ["members"] as const,
  list: (search: string) => ["members", "list", { search }] as const,
};
