// Which external services the adapter suites can reach. When CI=true a missing service fails the run; elsewhere the
// suite is skipped with one loud line saying how to enable it.
import net from "node:net";

export const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || "127.0.0.1", port: Number(port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

async function required(name: string, url: string, defaultPort: number, env: string): Promise<boolean> {
  if (await reachable(url, defaultPort)) return true;
  const where = url.replace(/\/\/[^@/]*@/, "//***@");
  if (process.env.CI === "true") {
    throw new Error(`${name} is not reachable at ${where}; CI needs it (bash .ci/services.sh starts it)`);
  }
  console.warn(
    `\n*** SKIPPING the ${name} adapter tests: nothing answers at ${where}. Start ${name} (bash .ci/services.sh) or set ${env}. ***\n`,
  );
  return false;
}

/** Whether PostgreSQL answers at DATABASE_URL. Throws when CI=true and it does not. */
export const postgresAvailable = () => required("PostgreSQL", DATABASE_URL, 5432, "DATABASE_URL");
/** Whether NATS answers at NATS_URL. Throws when CI=true and it does not. */
export const natsAvailable = () => required("NATS", NATS_URL, 4222, "NATS_URL");
