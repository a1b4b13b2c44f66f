// A port held by something else (typically a playground left over from a crashed run) stops the
// playground's start with a message that names the port and how to choose another.
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlayground } from "../../adapters/teams/playground.js";

let holder: Server;
let port: number;
beforeAll(async () => {
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, resolve));
  port = (holder.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

describe("Agents Playground start-up", () => {
  it("refuses a port in use, naming the port and PLAYGROUND_PORT", async () => {
    const error = await startPlayground({ port }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain(`port ${port} is already in use`);
    expect(error?.message).toContain("PLAYGROUND_PORT");
  });
});
