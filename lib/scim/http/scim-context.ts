import type { DirectoryConnection, Workspace } from "@/db/schema";

/** Who is calling: the directory a valid token belongs to, and its workspace. */
export type ScimContext = {
  directory: Pick<DirectoryConnection, "id" | "workspaceId" | "idpType" | "state" | "retentionDays" | "welcomeEmail">;
  workspace: Pick<Workspace, "id" | "name" | "seatLimit" | "verifiedDomains" | "defaultRole">;
  tokenId: string;
  /** `…/scim/v2/<directoryId>`, for meta.location. */
  baseUrl: string;
};
