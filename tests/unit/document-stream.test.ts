import { Suspense, createElement } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ABORT_DELAY_MS, streamDocument } from "~/utils/document-stream.server";

const never = new Promise<never>(() => undefined);
/** A part of the page whose data never arrives. */
function Waiting(): never {
  throw never;
}

const options = (waitForAll = false) => ({ status: 200, headers: new Headers(), waitForAll });

describe("streaming a page", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends the whole page as HTML and leaves no timer behind once it is complete", async () => {
    const response = await streamDocument(createElement("p", null, "こんにちは"), options());
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toContain("<p>こんにちは</p>");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("gives up on what is still missing after the delay and ends the page with its fallback", async () => {
    const page = createElement("main", null, createElement(Suspense, { fallback: createElement("p", null, "読み込み中") }, createElement(Waiting)));
    const response = await streamDocument(page, options());
    const text = response.text();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(ABORT_DELAY_MS);
    expect(await text).toContain("読み込み中");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("waits for the whole page when asked to, then sends it at once", async () => {
    const response = await streamDocument(createElement("p", null, "全体"), options(true));
    expect(await response.text()).toContain("<p>全体</p>");
    expect(vi.getTimerCount()).toBe(0);
  });
});
