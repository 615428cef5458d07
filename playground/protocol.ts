// The JSON the playground's server and page exchange. No imports: the page (browser) and the
// server (Node) both compile it.

export type Schema = Record<string, unknown>;

export interface PlaygroundOperation {
  name: string;
  title: string;
  description: string;
  type: 'main' | 'ddl' | 'trigger';
  method?: string;
  path?: string;
  resource?: string;
  input_schema: Schema;
}

/** GET /api/manifest */
export interface ManifestReply {
  /** Where runs go: the embedded sandbox, or SalesLoft with the server's token. */
  target: { kind: 'sandbox' | 'salesloft'; baseUrl: string };
  operations: PlaygroundOperation[];
}

/** POST /api/run and POST /api/ddl take this body. */
export interface RunRequest {
  operation: string;
  input: Record<string, unknown>;
}

/** A request as it reached the API, the Authorization header redacted. */
export interface SentRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  authorization?: string;
}

export interface RunFailure {
  kind: string;
  /** Worded as the CLI prints it: `error: ...`. */
  message: string;
  /** Bad input fields by path (`fields.person_id`), from an InputError or SalesLoft's field errors. */
  problems: Array<{ path: string; message: string }>;
  status?: number;
}

export interface RunReply {
  /** Every request the run sent, in order (query and body only when the embedded sandbox received them). */
  requests: SentRequest[];
  /** The connector's log lines for the run (method, path, status, attempt). */
  log: string[];
  output?: unknown;
  error?: RunFailure;
}
