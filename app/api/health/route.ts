// GET /api/health – liveness for load balancers and the benchmark's baseline. Touches no database,
// so it answers while the process is up even if PostgreSQL is not.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
