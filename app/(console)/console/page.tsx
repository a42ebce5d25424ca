import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { MembersClient } from "@/components/members/members-client";
import { requireAdminPage } from "@/lib/auth/current-access";
import { listMembers } from "@/lib/members/list-members";
import { membersQueryOptions } from "@/lib/queries/members/members-query";
import { teamsQueryOptions } from "@/lib/queries/teams/teams-query";
import { listTeams } from "@/lib/teams/list-teams";
import { seatUsage } from "@/lib/workspaces/seat-usage";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const access = await requireAdminPage();
  const db = getDb();
  const queryClient = new QueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery({ ...membersQueryOptions(""), queryFn: () => listMembers(db, access.workspace.id) }),
    queryClient.prefetchQuery({ ...teamsQueryOptions(), queryFn: () => listTeams(db, access.workspace.id) }),
  ]);
  const seats = await seatUsage(db, access.workspace.id);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <MembersClient seats={seats} />
    </HydrationBoundary>
  );
}
