/**
 * Hands a freshly created token from the create dialog to the Set-up page it navigates to, in
 * this browser tab's memory only: never on the server, in a URL or in web storage. A reload or a
 * new tab starts empty, so the token can be shown once and only once.
 */
const handedOver = new Map<string, string>();

export function handOverNewToken(directoryId: string, token: string): void {
  if (typeof window === "undefined") return;
  handedOver.set(directoryId, token);
}

export function peekNewToken(directoryId: string): string | undefined {
  if (typeof window === "undefined") return undefined;
  return handedOver.get(directoryId);
}

export function forgetNewToken(directoryId: string): void {
  handedOver.delete(directoryId);
}
