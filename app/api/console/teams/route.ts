import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/current-access";
import { listTeams } from "@/lib/teams/list-teams";

// GET /api/console/teams – the workspace's teams with member counts
export const GET = withAdmin(async (_request, _context, access) => Response.json(await listTeams(getDb(), access.workspace.id)));
