// The part of autocannon's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };

  export type Client = EventEmitter & {
    setHeadersAndBody(headers: Record<string, string>, body: string): void;
    setBody(body: string): void;
    requestIterator: { requests: Array<Request & { onResponse?: (status: number, body: string) => void }> };
  };

  export type Options = Request & {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    requests?: Request[];
    setupClient?: (client: Client) => void;
  };

  type Histogram = { average: number; p50: number; p97_5: number; p99: number; max: number; total: number };

  export type Result = {
    requests: Histogram;
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    statusCodeStats: Record<string, { count: number }>;
  };

  export type Instance = Promise<Result> &
    EventEmitter & { on(event: "response", listener: (client: Client, status: number, bytes: number, ms: number) => void): Instance };

  export default function autocannon(options: Options): Instance;
}
