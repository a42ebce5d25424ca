import type { Metadata } from "next";
import { Card, CardContent } from "@/components/ui/card";
import { CreateDirectoryDialog } from "@/components/directories/create-directory-dialog";
import { DirectoriesEmptyState } from "@/components/directories/directories-empty-state";
import { DirectoryList } from "@/components/directories/directory-list";
import { SeatUsageCard } from "@/components/directories/seat-usage-card";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/current-access";
import { directoryOverview } from "@/lib/directories/directory-overview";
import { seatUsage } from "@/lib/workspaces/seat-usage";

export const metadata: Metadata = { title: "Directory Sync" };

export default async function DirectoriesPage() {
  const access = await requireAdminPage();
  const db = getDb();
  const [directories, seats] = await Promise.all([directoryOverview(db, access.workspace.id), seatUsage(db, access.workspace.id)]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Directory Sync</h1>
          <p className="text-sm text-muted-foreground">Identity providers that provision the people and groups of this workspace over SCIM 2.0.</p>
        </div>
        {directories.length > 0 && <CreateDirectoryDialog />}
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_18rem]">
        <Card className="py-0">
          <CardContent className="px-0">
            {directories.length === 0 ? <DirectoriesEmptyState /> : <DirectoryList directories={directories} now={now} />}
          </CardContent>
        </Card>
        <SeatUsageCard seats={seats} />
      </div>
    </div>
  );
}
