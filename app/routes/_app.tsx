import type { LoaderFunctionArgs } from "@remix-run/node";
import { pageFrame } from "~/utils/page-frame.server";

/*
 * Every page but the answering page (surveys.$code) sits in this layout, whose loader words the
 * page's frame (the root draws it). The answering page, the one all staff open at once when a
 * survey starts, frames itself from its own loader: Remix runs every matched route's loader for a
 * page, and a second loader costs each request two Request copies and a JSON round trip of its
 * data. No component: a route without one renders its child route.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return { frame: await pageFrame(request) };
}
