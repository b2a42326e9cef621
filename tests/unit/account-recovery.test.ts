import { describe, expect, it } from "vitest";
import { setupCodeRefusal } from "~/domain/account-recovery";

describe("who may issue a setup code", () => {
  const hr = { id: 1, role: "hr" as const };
  const admin = { id: 2, role: "admin" as const };
  it("lets HR issue for staff only, admins for anyone but themselves, operators for anyone", () => {
    expect(setupCodeRefusal(hr, { id: 3, role: "staff" })).toBeNull();
    expect(setupCodeRefusal(hr, { id: 4, role: "hr" })).toBe("privileged_account");
    expect(setupCodeRefusal(hr, admin)).toBe("privileged_account");
    expect(setupCodeRefusal(hr, hr)).toBe("own_account");
    expect(setupCodeRefusal(admin, { id: 4, role: "hr" })).toBeNull();
    expect(setupCodeRefusal(admin, admin)).toBe("own_account");
    expect(setupCodeRefusal(null, admin)).toBeNull();
  });
});
