import { describe, expect, it } from "vitest";
import { RESULT_DOWNLOADS, parseDownloadFileName } from "~/schemas/results.server";

describe("a results download's file name", () => {
  it("names each report as CSV and as XLSX", () => {
    for (const report of RESULT_DOWNLOADS) {
      expect(parseDownloadFileName(`${report}.csv`)).toEqual({ report, format: "csv" });
      expect(parseDownloadFileName(`${report}.xlsx`)).toEqual({ report, format: "xlsx" });
    }
  });

  it("is none for another report, another format, no format, two of them or no name", () => {
    for (const name of ["summary.csv", "kpi.pdf", "kpi", "kpi.csv.csv", "KPI.CSV", ".csv", "", undefined]) {
      expect(parseDownloadFileName(name)).toBeNull();
    }
  });
});
