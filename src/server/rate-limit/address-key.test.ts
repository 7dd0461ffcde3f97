import { describe, expect, it } from "vitest";
import { addressLimitKey } from "./address-key";

describe("addressLimitKey", () => {
  it("counts an IPv4 client by its address, written one way", () => {
    expect(addressLimitKey("203.0.113.7")).toBe("ip:203.0.113.7");
    expect(addressLimitKey("::ffff:203.0.113.7")).toBe("ip:203.0.113.7");
    expect(addressLimitKey("203.0.113.8")).not.toBe(addressLimitKey("203.0.113.7"));
  });

  it("counts every address of one IPv6 /64 as one client, however it is written", () => {
    const one = addressLimitKey("2001:db8:1:2::1");
    expect(one).toBe("ip:2001:db8:1:2::/64");
    expect(addressLimitKey("2001:0db8:0001:0002:ffff:ffff:ffff:fffe")).toBe(one);
    expect(addressLimitKey("[2001:DB8:1:2:a:b:c:d]")).toBe(one);
    expect(addressLimitKey("2001:db8:1:3::1")).not.toBe(one);
    expect(addressLimitKey("2001:db8::1")).toBe("ip:2001:db8:0:0::/64");
  });

  it("puts clients without a trustworthy address under one key", () => {
    expect(addressLimitKey(undefined)).toBe("ip:unknown");
    expect(addressLimitKey("not an address")).toBe("ip:unknown");
  });
});
