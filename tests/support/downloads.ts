import type { LoaderFunctionArgs } from "@remix-run/node";
import { loader } from "~/routes/results.$code.$download";

/** The results download route's loader for one file name ("kpi.csv", "responses.xlsx" …). */
export function downloadLoader(fileName: string) {
  return (args: LoaderFunctionArgs) => loader({ ...args, params: { ...args.params, download: fileName } });
}
