// autocannon ships no types and @types/autocannon is not a dependency: the part the bench uses.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export type RequestData = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  };

  export type Request = RequestData & {
    setupRequest?: (request: RequestData, context: Record<string, unknown>) => RequestData;
  };

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: Request[];
    warmup?: { connections?: number; duration?: number };
  };

  export type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  };

  export type Instance = EventEmitter &
    PromiseLike<Result> & {
      on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
      on(event: "reqError", listener: (error: Error) => void): Instance;
      stop(): void;
    };

  function autocannon(options: Options): Instance;
  export default autocannon;
}
