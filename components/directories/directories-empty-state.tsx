import { RefreshCwIcon } from "lucide-react";
import { CreateDirectoryDialog } from "./create-directory-dialog";

/** No connection yet: what directory sync does, and the way to start. */
export function DirectoriesEmptyState() {
  return (
    <div className="flex flex-col items-center gap-3 px-6 py-16 text-center">
      <div className="rounded-full bg-muted p-3">
        <RefreshCwIcon className="size-6 text-muted-foreground" aria-hidden />
      </div>
      <h2 className="text-lg font-semibold">No directory connections yet</h2>
      <p className="max-w-lg text-sm text-muted-foreground">
        Directory sync lets your identity provider (Okta, Microsoft Entra ID, OneLogin, JumpCloud or any SCIM 2.0 client) create, update and
        suspend the people in this workspace for you. Groups can decide their teams and roles, and anyone removed from the directory loses
        access at once.
      </p>
      <CreateDirectoryDialog />
    </div>
  );
}
