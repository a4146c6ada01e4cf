// A dashboard's use of Habitus through types generated from openapi/habitus.yaml (openapi-typescript)
// and openapi-fetch. .ci/openapi-client generates ./habitus.ts and compiles this file under
// `tsc --strict`; the type checks below fail the build when the document stops saying what the
// service does (a status, a required field, a nullable one).
import createClient from "openapi-fetch";
import type { components, paths } from "./habitus";

type Schemas = components["schemas"];
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

// Creation answers 201, training 202: a client reads the body under the status the service sends.
assertType<Equals<keyof paths["/api/v1/tokens"]["post"]["responses"] & 200, never>>();
assertType<Equals<paths["/api/v1/tokens"]["post"]["responses"][201]["content"]["application/json"], Schemas["IssuedTokenResponse"]>>();
assertType<Equals<paths["/api/v1/images/{digest}/models"]["post"]["responses"][202]["content"]["application/json"], Schemas["TrainingJob"]>>();
assertType<Equals<paths["/api/v1/images/{digest}/profiles/{version}"]["patch"]["responses"][412]["content"]["application/problem+json"], Schemas["Problem"]>>();
assertType<Equals<paths["/api/v1/images/{digest}/profiles/{version}"]["patch"]["responses"][201]["headers"]["ETag"], string>>();
// Fields the service sends as null are nullable; the others are always present and never null.
assertType<Equals<Schemas["TokenResponse"]["revokedAt"], string | null>>();
assertType<Equals<Schemas["TokenResponse"]["scope"], Schemas["TokenScope"] | null>>();
assertType<Equals<Schemas["ScoredTransition"]["before"], Schemas["TransitionState"] | null>>();
assertType<Equals<Schemas["ScoreResult"]["verdict"], "NORMAL" | "ANOMALOUS" | "VIOLATION" | "LEARNING" | "UNKNOWN_IMAGE">>();
assertType<Equals<Schemas["ImageResponse"]["activeProfileVersion"], number | null>>();
assertType<Equals<Schemas["ImageResponse"]["digest"], string>>();
assertType<Equals<Schemas["Incident"]["openedBy"],
  "BROKEN_RULE" | "NEW_ACTION" | "SEQUENCES" | "MIX" | "RARITY" | "MODEL" | null>>();
// gzip is how a body is sent, not an operation parameter a client could set without compressing.
assertType<Equals<paths["/api/v1/events"]["post"]["parameters"]["header"], undefined>>();

const habitus = createClient<paths>({
  baseUrl: "http://localhost:8080",
  headers: { Authorization: "Bearer change-me" },
});

/** The learning images, with the profile version that judges each (none while it first learns). */
export async function learningImages(): Promise<string[]> {
  const { data, error } = await habitus.GET("/api/v1/images", {
    params: { query: { status: "LEARNING", page: 0, size: 20 } },
  });
  if (error) {
    throw new Error(`${error.status} ${error.title}: ${error.detail ?? ""}`);
  }
  return data.items.map((image) => `${image.digest} ${image.activeProfileVersion ?? "learning"}`);
}

/** Issues an agent token for one namespace; the secret is shown only in this answer. */
export async function issueAgentToken(namespace: string): Promise<string> {
  const { data, error, response } = await habitus.POST("/api/v1/tokens", {
    body: { name: `agents-${namespace}`, role: "AGENT", scope: { namespaces: [namespace], operations: ["INGEST", "SCORE"] } },
  });
  if (error) {
    throw new Error(error.errors?.map((e) => `${e.field} ${e.reason}`).join(", ") ?? error.title);
  }
  const scoped: string[] = data.token.scope?.namespaces ?? ["any namespace"];
  console.log(response.headers.get("Location"), data.token.revokedAt === null, scoped);
  return data.secret;
}

/** Adds a rule to the latest profile version, as a person who read it first (If-Match). */
export async function allowProbe(digest: string, version: number): Promise<number> {
  const read = await habitus.GET("/api/v1/images/{digest}/profiles/{version}", { params: { path: { digest, version } } });
  if (read.error) {
    throw new Error(read.error.title);
  }
  const etag = read.response.headers.get("ETag") ?? "";
  const { data, error } = await habitus.PATCH("/api/v1/images/{digest}/profiles/{version}", {
    params: { path: { digest, version }, header: { "If-Match": etag } },
    body: { add: [{ kind: "PROCESS", pattern: "/usr/bin/curl <- /usr/sbin/nginx", reason: "health probe" }] },
  });
  if (error) {
    // 409, 412 and 428 are documented problems like any other.
    throw new Error(`${error.status}: ${error.detail ?? error.title}`);
  }
  return data.profile.version;
}

/** An image's open incidents, newest first, each with what opened it (null for incidents from before that was kept). */
export async function openIncidents(digest: string): Promise<string[]> {
  const { data, error } = await habitus.GET("/api/v1/incidents", {
    params: { query: { image: digest, status: "OPEN", limit: 50 } },
  });
  if (error) {
    throw new Error(`${error.status} ${error.title}`);
  }
  return data.incidents.map((incident) =>
    `${incident.id} ${incident.severity} ${incident.containerId}: ${incident.openedBy ?? "evidence"}, risk ${incident.risk.toFixed(2)}`);
}

/** What-if scoring: the explanation of each verdict, and the state it was judged in when shown. */
export async function explain(digest: string, container: string): Promise<string[]> {
  const { data, error } = await habitus.POST("/api/v1/score", {
    params: { query: { commit: false } },
    body: {
      events: [{
        time: new Date().toISOString(), type: "process.exec",
        container: { id: container, imageDigest: digest },
        process: { pid: 77, exe: "/bin/sh", parentExe: "/usr/sbin/nginx" },
      }],
    },
  });
  if (error) {
    throw new Error(error.title);
  }
  return data.results.map((result) => {
    const processes = result.transition.before?.processes.length ?? 0;
    const model = result.model === null ? "no model" : `model ${result.model.version}`;
    return `${result.verdict} (${model}, ${processes} processes): ${result.explanation}`;
  });
}

/** Never called: shows that the compiler insists on the null check the document asks for. */
export function uncheckedState(result: Schemas["ScoreResult"]): number {
  // @ts-expect-error before is null in answers to agent tokens
  return result.transition.before.processes.length;
}

/** A training job and where to follow it. */
export async function train(digest: string): Promise<string> {
  const { data, error, response } = await habitus.POST("/api/v1/images/{digest}/models", { params: { path: { digest } } });
  if (error) {
    throw new Error(error.title);
  }
  return `${data.status} ${data.modelVersion ?? "pending"} ${response.headers.get("Location")}`;
}
