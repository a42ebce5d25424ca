import Link from "next/link";
import { ArrowLeftIcon } from "lucide-react";
import type { DirectoryConnection } from "@/db/schema";
import { DirectoryStateBadge } from "./directory-state-badge";
import { idpLabels } from "@/lib/directories/idp-names";

/** The top of every directory page: back to the overview, the connection's name, IdP and state. */
export function DirectoryHeader({ directory }: { directory: Pick<DirectoryConnection, "name" | "idpType" | "state"> }) {
  return (
    <div className="space-y-3">
      <Link
        href="/console/directories"
        className="inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <ArrowLeftIcon className="size-4" aria-hidden />
        All directory connections
      </Link>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-2xl font-semibold tracking-tight break-words">{directory.name}</h1>
        <DirectoryStateBadge state={directory.state} />
      </div>
      <p className="text-sm text-muted-foreground">{idpLabels[directory.idpType]}</p>
    </div>
  );
}
