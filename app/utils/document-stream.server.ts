import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { ReactElement } from "react";
import { renderToPipeableStream } from "react-dom/server";

/** How long a page may wait for deferred data before what is missing is given up. */
export const ABORT_DELAY_MS = 5_000;

export interface DocumentOptions {
  status: number;
  headers: Headers;
  /** Send the whole document at once (bots, no-JS clients) rather than from the first shell on. */
  waitForAll: boolean;
}

/**
 * Renders a page into an HTML response, streamed from its shell (or whole), and gives up on what
 * is still pending after ABORT_DELAY_MS. Once the page is complete the timer is cleared: left to
 * run, it would keep each finished render in memory for five more seconds.
 */
export function streamDocument(page: ReactElement, { status, headers, waitForAll }: DocumentOptions): Promise<Response> {
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    let responseStatus = status;
    const respond = () => {
      shellRendered = true;
      const body = new PassThrough();
      headers.set("Content-Type", "text/html; charset=utf-8");
      resolve(new Response(createReadableStreamFromReadable(body), { headers, status: responseStatus }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(page, {
      onShellReady() {
        if (!waitForAll) respond();
      },
      onAllReady() {
        clearTimeout(abortTimer);
        if (waitForAll) respond();
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatus = 500;
        if (shellRendered) console.error(error);
      },
    });
    const abortTimer = setTimeout(abort, ABORT_DELAY_MS);
  });
}
