// Embedding salesfold in a CRM service: a small node:http handler that turns POST /deals/:id/commands into the
// deal command handler, maps salesfold's typed errors to HTTP statuses, and serves the live pipeline. The example
// starts it on a free port, calls it with fetch, and closes it. Run it with `npx tsx examples/crmService.ts`.
// #region service
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createCommandHandler,
  createInMemoryEventStore,
  inlineProjection,
  isConcurrencyError,
  isDomainRuleError,
  isValidationError,
} from "salesfold";
import { pipeline } from "salesfold/analytics";
import { dealCommand, dealDecider, dealStreamId } from "salesfold/deals";
import { salesEvents } from "salesfold/sales";

// Swap in createSqliteEventStore or createPostgresEventStore: the handler below does not change.
const live = inlineProjection(pipeline);
const store = createInMemoryEventStore({ catalog: salesEvents, inline: [live] });
const deals = createCommandHandler({ store, decider: dealDecider, commands: dealCommand });

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return JSON.parse(text);
}

export async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    const command = /^\/deals\/([\w.-]+)\/commands$/.exec(url.pathname);
    if (req.method === "POST" && command) {
      const ifMatch = req.headers["if-match"];
      const result = await deals.handle(dealStreamId(command[1]!), (await readJson(req)) as never, {
        actor: String(req.headers["x-actor"] ?? "anonymous"),
        ...(ifMatch ? { expectedVersion: Number(ifMatch) } : {}),
      });
      return send(res, 200, { version: result.nextExpectedVersion, events: result.events.map((e) => e.type) });
    }
    if (req.method === "GET" && url.pathname === "/pipeline") return send(res, 200, live.state.byOwner);
    return send(res, 404, { error: "not_found" });
  } catch (error) {
    if (error instanceof SyntaxError) return send(res, 400, { error: "invalid_json" });
    if (isValidationError(error)) return send(res, 400, { error: error.code, issues: error.issues });
    if (isDomainRuleError(error))
      return send(res, 409, { error: error.code, rule: error.rule, message: error.message });
    if (isConcurrencyError(error)) return send(res, 409, { error: error.code, actual: error.actual });
    return send(res, 500, { error: "internal" });
  }
}
// #endregion service

// #region exercise
const server = createServer((req, res) => void handle(req, res));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const post = async (dealId: string, body: unknown, headers: Record<string, string> = {}) => {
  const r = await fetch(`${base}/deals/${dealId}/commands`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-actor": "user:ana", ...headers },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};

try {
  const amount = { amount: 48_000_00, currency: "USD" };
  const opened = await post("d-1", {
    type: "OpenDeal",
    data: {
      dealId: "d-1",
      customerId: "cu-acme",
      ownerId: "rep-ana",
      name: "Acme fleet",
      amount,
      openedOn: "2026-07-01",
    },
  });
  console.log(`open: ${opened.status} version ${opened.body.version} ${JSON.stringify(opened.body.events)}`);

  const invalid = await post("d-2", { type: "OpenDeal", data: { dealId: "d-2" } });
  const issues = invalid.body.issues as { path: string[] }[];
  console.log(
    `invalid: ${invalid.status} ${invalid.body.error}, ${issues.length} issues, first at ${issues[0]!.path.join(".")}`,
  );

  const stale = await post(
    "d-1",
    { type: "MoveDealStage", data: { dealId: "d-1", stage: "proposal" } },
    { "if-match": "0" },
  );
  console.log(`stale: ${stale.status} ${stale.body.error} (the stream is at ${stale.body.actual})`);

  const won = await post("d-1", {
    type: "WinDeal",
    data: { dealId: "d-1", closedOn: "2026-07-20", reason: "product_fit" },
  });
  console.log(`win: ${won.status} version ${won.body.version} ${JSON.stringify(won.body.events)}`);

  const again = await post("d-1", {
    type: "LoseDeal",
    data: { dealId: "d-1", closedOn: "2026-07-21", reason: "price" },
  });
  console.log(`lose after win: ${again.status} ${again.body.rule}`);

  await post("d-3", {
    type: "OpenDeal",
    data: {
      dealId: "d-3",
      customerId: "cu-globex",
      ownerId: "rep-bo",
      name: "Globex pilot",
      amount,
      openedOn: "2026-07-22",
    },
  });
  const pipe = (await (await fetch(`${base}/pipeline`)).json()) as Record<string, Record<string, { count: number }>>;
  for (const [owner, byCurrency] of Object.entries(pipe))
    console.log(`pipeline: ${owner} ${byCurrency.USD?.count} open deal(s)`);
} finally {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  console.log("server closed");
}
// #endregion exercise
