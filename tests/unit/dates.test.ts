import { describe, expect, it } from "vitest";
import { eraFiscalYear, fiscalYearLabel, fiscalYearOf, fiscalYearRange, formatDate, formatDateTime, formatEraDate, formatEraDateTime, tokyoDate } from "~/domain/dates";

describe("the date in Tokyo", () => {
  it.each([
    ["2024-03-31T14:59:59.999Z", "2024-03-31"],
    ["2024-03-31T15:00:00Z", "2024-04-01"],
    ["2024-12-31T15:00:00Z", "2025-01-01"],
    ["2024-02-28T15:00:00Z", "2024-02-29"],
    ["2024-07-01T03:00:00Z", "2024-07-01"],
  ])("%s is %s in Tokyo", (iso, day) => {
    expect(tokyoDate(new Date(iso))).toBe(day);
  });

  it("matches the calendar's own answer for Asia/Tokyo through a whole year, hour by hour", () => {
    const calendar = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" });
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 3_600_000) {
      expect(tokyoDate(new Date(t))).toBe(calendar.format(new Date(t)));
    }
  });
});

describe("fiscal years", () => {
  it.each([
    ["2024-03-31T14:59:59Z", 2023], // 23:59 on 31 March in Tokyo
    ["2024-03-31T15:00:00Z", 2024], // 00:00 on 1 April in Tokyo
    ["2024-04-01T00:00:00Z", 2024],
    ["2025-01-15T00:00:00Z", 2024],
    ["2026-12-31T23:00:00Z", 2027 - 1],
  ])("%s is in FY%i", (iso, fiscalYear) => {
    expect(fiscalYearOf(new Date(iso))).toBe(fiscalYear);
  });

  it("run April to March", () => {
    expect(fiscalYearRange(2023)).toEqual({ start: "2023-04-01", end: "2024-03-31" });
  });

  it.each([
    [2023, "令和5年度"],
    [2020, "令和2年度"],
    [2019, "平成31年度"],
    [1989, "平成元年度"],
    [1990, "平成2年度"],
  ])("FY%i is %s", (fiscalYear, era) => {
    expect(eraFiscalYear(fiscalYear)).toBe(era);
  });

  it("are labelled with the era in Japanese and plainly in English", () => {
    expect(fiscalYearLabel(2024, "ja")).toBe("令和6年度（2024年度）");
    expect(fiscalYearLabel(2024, "en")).toBe("FY2024");
  });
});

describe("dates", () => {
  it("are written in Japanese style in Tokyo time", () => {
    expect(formatDate("2024-03-31T15:30:00Z", "ja")).toBe("2024年4月1日");
    expect(formatDateTime("2024-03-31T15:30:00Z", "ja")).toBe("2024年4月1日 0:30");
    expect(formatDate("2024-03-31T15:30:00Z", "en")).toBe("1 April 2024");
  });

  it("carry the era where HR's documents do (reports, setup letters)", () => {
    expect(formatEraDate("2026-11-29", "ja")).toBe("令和8年11月29日");
    expect(formatEraDate("2019-04-30T15:00:00Z", "ja")).toBe("令和元年5月1日");
    expect(formatEraDateTime("2026-12-02T03:00:00Z", "ja")).toBe("令和8年12月2日 12:00");
    expect(formatEraDate("2026-11-29", "en")).toBe("29 November 2026");
  });
});
