import { handleScimRequest } from "@/lib/scim/http/handle-scim-request";

type Context = { params: Promise<{ directoryId: string; path?: string[] }> };

const handle = async (request: Request, { params }: Context) => handleScimRequest(request, await params);

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
