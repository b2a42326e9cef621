import {
  MaxPartSizeExceededError,
  json,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";

/**
 * Reads a multipart form with files held in memory up to maxBytes each. A larger part answers
 * "tooLarge" so the route can say so in the user's language; a request that is not multipart is a 400.
 */
export async function readMultipartForm(request: Request, maxBytes: number): Promise<FormData | "tooLarge"> {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    throw json({ reason: "multipart form expected" }, { status: 400 });
  }
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "tooLarge";
    throw error;
  }
}
