import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Playwright cannot download its own browsers on the city's closed network, so the end-to-end
 * tests drive Debian's Chromium. Installs it when missing and we may (root, apt available).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(command: string, args: string[]) {
  execFileSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

if (existsSync(CHROMIUM_PATH)) {
  process.exit(0);
}
const isRoot = process.getuid?.() === 0;
if (!isRoot || !existsSync("/usr/bin/apt-get")) {
  console.error(
    `Chromium was not found at ${CHROMIUM_PATH}. Install Debian's chromium package (sudo apt-get install chromium) ` +
      "or set CHROMIUM_PATH to a Chromium binary.",
  );
  process.exit(1);
}
console.log("Installing Debian's chromium for the end-to-end tests…");
run("apt-get", ["update", "-qq"]);
run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"]);
