import type { ReactNode } from "react";
import { ConsoleNav } from "@/components/console/console-nav";
import { UserMenu } from "@/components/console/user-menu";
import { requireAdminPage } from "@/lib/auth/current-access";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const access = await requireAdminPage();
  return (
    <div className="min-h-screen bg-muted/30">
      <header className="border-b bg-background">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between px-4">
          <div className="flex items-center gap-2">
            <span className="font-semibold tracking-tight">Rollcall</span>
            <span className="text-muted-foreground" aria-hidden>/</span>
            <span className="text-sm">{access.workspace.name}</span>
          </div>
          <UserMenu
            name={access.member.displayName ?? access.member.email ?? "Admin"}
            email={access.member.email ?? ""}
            role={access.member.role}
          />
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-48 md:shrink-0">
          <ConsoleNav />
        </aside>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
