// Vitest global setup. With GW_TEST_DB=postgresql the suite runs against a real PostgreSQL server:
// TEST_POSTGRES_URL (a superuser URL) if given, else a throwaway cluster from Debian's binaries.
import type { TestProject } from "vitest/node";
import { findPostgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from "./postgres-server.js";

let server: ThrowawayPostgres | undefined;

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  if (process.env.GW_TEST_DB !== "postgresql") return;
  let url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    const bin = findPostgresBinDir();
    if (!bin) throw new Error("GW_TEST_DB=postgresql needs TEST_POSTGRES_URL or Debian's postgresql package");
    server = await startThrowawayPostgres(bin);
    url = server.url;
  }
  project.provide("postgresAdminUrl", url);
}

export async function teardown(): Promise<void> {
  server?.stop();
}
