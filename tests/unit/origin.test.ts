import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "~/utils/origin";

const app = "https://yell.city.example";

describe("isAllowedOrigin", () => {
  it.each([
    ["GET", {}, true],
    ["HEAD", { origin: "https://evil.example" }, true],
    ["POST", { origin: app }, true],
    ["POST", { origin: "https://evil.example" }, false],
    ["POST", { origin: "https://yell.city.example:8443" }, false],
    ["POST", { origin: "http://yell.city.example" }, false],
    ["POST", {}, false],
    ["POST", { origin: "null" }, false],
    ["POST", { origin: "null", referer: `${app}/roster/import` }, true],
    ["POST", { referer: "https://evil.example/?https://yell.city.example" }, false],
    ["DELETE", { origin: "https://evil.example" }, false],
    ["post", { origin: app }, true],
  ] as const)("%s with %j → %s", (method, headers, expected) => {
    expect(isAllowedOrigin(method, headers, app)).toBe(expected);
  });
});
