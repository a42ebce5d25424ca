export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerOrExit } = await import("./lib/setup/start-server");
  await startServerOrExit();
  const { exposeScimToNodeServer } = await import("./lib/scim/http/serve-scim-from-node");
  exposeScimToNodeServer();
}
