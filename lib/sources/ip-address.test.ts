import { describe, expect, it } from "vitest";
import { classifyAddress } from "./ip-address";

describe("classifyAddress", () => {
  it.each([
    ["93.184.216.34", "public"],
    ["8.8.8.8", "public"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["172.15.255.255", "public"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["169.254.169.254", "link_local"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.251", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.10", "reserved"],
  ])("IPv4 %s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    ["2606:4700::6810:85e5", "public"],
    ["2a00:1450:4001:80b::200e", "public"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["fe80::1", "link_local"],
    ["fe80::1%eth0", "link_local"],
    ["febf::1", "link_local"],
    ["fc00::1", "unique_local"],
    ["fd12:3456:789a::1", "unique_local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
    ["fec0::1", "reserved"],
    ["::127.0.0.1", "reserved"],
    ["100::1", "reserved"],
  ])("IPv6 %s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it("judges IPv6 forms carrying an IPv4 address by that address", () => {
    expect(classifyAddress("::ffff:127.0.0.1")).toBe("loopback");
    expect(classifyAddress("::ffff:7f00:1")).toBe("loopback");
    expect(classifyAddress("::ffff:10.1.2.3")).toBe("private");
    expect(classifyAddress("::ffff:169.254.169.254")).toBe("link_local");
    expect(classifyAddress("::ffff:8.8.8.8")).toBe("public");
    expect(classifyAddress("64:ff9b::192.168.0.1")).toBe("private");
    expect(classifyAddress("64:ff9b::8.8.8.8")).toBe("public");
    expect(classifyAddress("2002:c0a8:0101::1")).toBe("private");
    expect(classifyAddress("2002:0808:0808::1")).toBe("public");
  });

  it("returns null for what is not an IP address", () => {
    expect(classifyAddress("example.com")).toBeNull();
    expect(classifyAddress("256.1.1.1")).toBeNull();
    expect(classifyAddress("1.2.3")).toBeNull();
    expect(classifyAddress("")).toBeNull();
  });
});
