import type { AddressInfo } from "node:net";
import { request as httpRequest } from "node:http";
import express from "express";
import { afterAll, describe, expect, it } from "vitest";
import { getEnv } from "~/utils/env.server";
import { applySecurity } from "~/utils/http.server";

/**
 * The HTTP layer in front of Remix, as server.ts assembles it, with a stand-in for Remix that reads
 * the body as a route does (request.formData()) and reports what it saw.
 */
function startApp(settings: Record<string, string>) {
  const env = getEnv({ NODE_ENV: "test", MAX_FORM_KB: "8", MAX_UPLOAD_MB: "2", ...settings });
  const app = express();
  applySecurity(app, env);
  app.all("*", async (req, res) => {
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : (req as unknown as ReadableStream);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    try {
      const form = body ? await new Request("http://app.local/", { method: req.method, headers, body, duplex: "half" } as RequestInit).formData() : null;
      res.json({ ip: req.ip, origin: req.get("origin") ?? null, fields: form ? [...form.keys()] : [] });
    } catch {
      res.status(500).send("the route could not read the body");
    }
  });
  const server = app.listen(0, "127.0.0.1");
  afterAll(() => void server.close());
  return new Promise<number>((resolve) => server.on("listening", () => resolve((server.address() as AddressInfo).port)));
}

interface Sent {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so that headers such as Content-Length and Host can be whatever an attacker sends. */
function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Sent> {
  const headers = { ...options.headers };
  // As a browser does; a test that wants chunked or a false length says so.
  if (options.body !== undefined && !("Content-Length" in headers) && !("Transfer-Encoding" in headers)) {
    headers["Content-Length"] = String(Buffer.byteLength(options.body));
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method: options.method ?? "POST", path: options.path ?? "/login", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const port = await startApp({});
const sameOrigin = (p: number) => ({ Origin: `http://127.0.0.1:${p}` });
const form = "application/x-www-form-urlencoded";

describe("request bodies", () => {
  it("refuses a form post larger than the form limit with 413 before reading it", async () => {
    // Only the headers are sent: the answer must come without the 100 MB ever arriving.
    const sent = await send(port, { headers: { ...sameOrigin(port), "Content-Type": form, "Content-Length": String(100 * 1024 * 1024) } });
    expect(sent.status).toBe(413);
    expect(sent.body).toContain("送信内容が大きすぎます（上限 8KB）");
    expect(sent.headers.connection).toBe("close");
  });

  it("allows uploads up to their own, larger limit and no further", async () => {
    const boundary = "----yell";
    const multipart = `multipart/form-data; boundary=${boundary}`;
    const file = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${"x".repeat(100 * 1024)}\r\n--${boundary}--\r\n`;
    const accepted = await send(port, { path: "/roster/import", headers: { ...sameOrigin(port), "Content-Type": multipart }, body: file });
    expect(accepted.status).toBe(200);
    const tooLarge = await send(port, {
      path: "/manage/surveys/kpi-2025/import",
      headers: { ...sameOrigin(port), "Content-Type": multipart, "Content-Length": String(3 * 1024 * 1024) },
    });
    expect(tooLarge.status).toBe(413);
    // The same 100 KB is far over a form's limit.
    const asForm = await send(port, { path: "/messages/new", headers: { ...sameOrigin(port), "Content-Type": multipart }, body: file });
    expect(asForm.status).toBe(413);
  });

  it("answers JSON, plain text and multipart sent to a form route with 400 in the reader's language, never 500", async () => {
    for (const [type, body] of [
      ["application/json", '{"employeeNumber":"000001"}'],
      ["text/plain", "employeeNumber=000001"],
      ["multipart/form-data; boundary=x", "--x\r\nbroken"],
    ] as const) {
      for (const path of ["/login", "/setup", "/language", "/messages/new", "/surveys/kpi-2025", "/manage/tags"]) {
        const sent = await send(port, { path, headers: { ...sameOrigin(port), "Content-Type": type }, body });
        expect({ path, type, status: sent.status }).toEqual({ path, type, status: 400 });
        expect(sent.body).toContain("送信された内容を読み取れませんでした");
      }
    }
    const english = await send(port, {
      headers: { ...sameOrigin(port), "Content-Type": "application/json", Cookie: `yell_lang=${Buffer.from('"en"').toString("base64")}` },
      body: "{}",
    });
    expect(english.body).toContain("What was sent could not be read");
  });

  it("reads an empty body as an empty form, for the route's own validation to answer", async () => {
    const sent = await send(port, { headers: { ...sameOrigin(port), "Content-Length": "0" } });
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toMatchObject({ fields: [] });
  });

  it("refuses a body of unstated length", async () => {
    const sent = await send(port, { headers: { ...sameOrigin(port), "Content-Type": form, "Transfer-Encoding": "chunked" }, body: "a=1" });
    expect(sent.status).toBe(411);
  });
});

describe("the origin check", () => {
  it("accepts Origin: null with a same-origin Referer and does not hand Remix an Origin it would reject", async () => {
    const sent = await send(port, {
      headers: { Origin: "null", Referer: `http://127.0.0.1:${port}/login`, "Content-Type": form },
      body: "employeeNumber=1",
    });
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toMatchObject({ origin: null, fields: ["employeeNumber"] });
  });

  it("accepts posts for APP_ORIGIN behind a proxy that rewrites Host", async () => {
    const behindProxy = await startApp({ APP_ORIGIN: "https://yell.city.example" });
    const sent = await send(behindProxy, {
      headers: { Host: "backend:3000", Origin: "https://yell.city.example", "Content-Type": form },
      body: "a=1",
    });
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toMatchObject({ origin: null });
    const foreign = await send(behindProxy, { headers: { Host: "backend:3000", Origin: "http://backend:3000", "Content-Type": form }, body: "a=1" });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain("このページ以外から送られた操作は受け付けられません");
  });

  it("refuses a foreign origin in the reader's language", async () => {
    const english = `yell_lang=${Buffer.from('"en"').toString("base64")}`;
    const foreign = await send(port, { headers: { Origin: "https://evil.example", "Content-Type": form, Cookie: english }, body: "a=1" });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain("Requests sent from outside Yell's own pages are refused.");
  });
});

describe("security headers", () => {
  it("gives every script a fresh nonce and never allows inline scripts otherwise", async () => {
    const first = await send(port, { method: "GET", path: "/" });
    const second = await send(port, { method: "GET", path: "/" });
    const policy = String(first.headers["content-security-policy"]);
    const scripts = policy.split(";").find((part) => part.trim().startsWith("script-src")) ?? "";
    expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scripts).not.toContain("unsafe-inline");
    expect(second.headers["content-security-policy"]).not.toBe(policy);
  });

  it("sends the same headers on the origin check's 403 and the body guard's refusals", async () => {
    const refused = [
      await send(port, { headers: { Origin: "https://evil.example", "Content-Type": form }, body: "a=1" }),
      await send(port, { headers: { ...sameOrigin(port), "Content-Type": "application/json" }, body: "{}" }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 400]);
    for (const sent of refused) {
      expect(sent.headers["x-content-type-options"]).toBe("nosniff");
      expect(sent.headers["x-frame-options"]).toBe("DENY");
      expect(String(sent.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
    }
  });

  it("asks for HTTPS only where cookies are secure", async () => {
    const plain = await send(port, { method: "GET" });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const securePort = await startApp({ SECURE_COOKIES: "1" });
    const secure = await send(securePort, { method: "GET" });
    expect(secure.headers["strict-transport-security"]).toMatch(/max-age=\d{8,}/);
  });
});

describe("proxy trust", () => {
  it("believes only the configured hop, so a client cannot name a new address per request", async () => {
    const oneHop = await startApp({ TRUST_PROXY: "1" });
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      // The client's own invented entry, then the one its proxy appends (the client's real address).
      const sent = await send(oneHop, { method: "GET", headers: { "X-Forwarded-For": `198.51.100.${i}, 203.0.113.7` } });
      seen.add(String(JSON.parse(sent.body).ip));
    }
    expect([...seen]).toEqual(["203.0.113.7"]);
  });

  it("believes X-Forwarded-For only from the named proxy addresses", async () => {
    const named = await startApp({ TRUST_PROXY: "10.0.0.5" });
    const sent = await send(named, { method: "GET", headers: { "X-Forwarded-For": "198.51.100.9" } });
    // The request came from 127.0.0.1, which is not the named proxy.
    expect(JSON.parse(sent.body).ip).toBe("127.0.0.1");
  });

  it("refuses a setting that would trust any header", () => {
    for (const setting of ["true", "*", "yes", "11", "10.0.0.5,everyone"]) {
      expect(() => getEnv({ NODE_ENV: "test", TRUST_PROXY: setting })).toThrow(/TRUST_PROXY/);
    }
    expect(getEnv({ NODE_ENV: "test", TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(getEnv({ NODE_ENV: "test", TRUST_PROXY: "10.0.0.0/8, loopback" }).TRUST_PROXY).toEqual(["10.0.0.0/8", "loopback"]);
    expect(getEnv({ NODE_ENV: "test" }).TRUST_PROXY).toBe(false);
  });
});
