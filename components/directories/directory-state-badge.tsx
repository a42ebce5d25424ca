import { Badge } from "@/components/ui/badge";
import type { DirectoryConnection } from "@/db/schema";

type DirectoryState = DirectoryConnection["state"];

const stateBadges: Record<DirectoryState, { label: string; variant: "success" | "secondary" | "outline" }> = {
  active: { label: "Active", variant: "success" },
  draft: { label: "Draft", variant: "secondary" },
  disabled: { label: "Disabled", variant: "outline" },
};

/** A directory connection's state: draft (set up, not receiving), active, or disabled. */
export function DirectoryStateBadge({ state }: { state: DirectoryState }) {
  const { label, variant } = stateBadges[state];
  return <Badge variant={variant}>{label}</Badge>;
}
