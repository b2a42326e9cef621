import {
  MaxPartSizeExceededError,
  json,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { getT } from "~/i18n/locale.server";

/**
 * Reads a multipart form with files held in memory up to maxBytes each. A larger part answers
 * "tooLarge" so the route can say so in the user's language; a body that is not a readable
 * multipart form is a 400 with the reason in the user's language, never a 500.
 */
export async function readMultipartForm(request: Request, maxBytes: number): Promise<FormData | "tooLarge"> {
  const unreadable = async () => json({ reason: (await getT(request)).validation.badRequestBody }, { status: 400 });
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) throw await unreadable();
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "tooLarge";
    throw await unreadable();
  }
}
