import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  resolve: {
    alias: [
      { find: /^~\/(.*)$/, replacement: `${root}app/$1` },
      { find: /^#db\/(.*)$/, replacement: `${root}db/$1` },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // Password hashing is deliberately slow (scrypt at OWASP cost).
    testTimeout: 20_000,
    onConsoleLog: (_log, type) => type !== "stderr",
  },
});
