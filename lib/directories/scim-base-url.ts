/** The base URL an IdP is configured with for one directory connection. */
export function scimBaseUrl(appUrl: string, directoryId: string): string {
  return `${appUrl.replace(/\/+$/, "")}/scim/v2/${directoryId}`;
}
