import { describe, expect, it } from "vitest";
import { parseEnv } from "../../server/env";

describe("environment", () => {
  it("has defaults that run the app with nothing set", () => {
    expect(parseEnv({})).toEqual({ NODE_ENV: "development", PORT: 3000, HOST: "0.0.0.0", DATA_DIR: "./data" });
  });

  it("names each bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x/y", SESSION_SECRET: "short" })).toThrow(
      /PORT: .*\n.*DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL\n.*SESSION_SECRET: must be at least 32 characters/,
    );
  });

  it("treats an empty variable as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "8080" });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBeUndefined();
  });
});
