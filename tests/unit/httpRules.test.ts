// The pure rules behind the HTTP guards: whose origin is ours, which addresses and bodies can be read.
import { describe, expect, it } from "vitest";
import { isReadableAddress } from "../../server/http/address";
import { isFormType } from "../../server/http/methods";
import { formHasNul } from "../../server/http/nul";
import { isOwnOrigin } from "../../server/http/origin";

describe("isOwnOrigin", () => {
  it("allows a request without an Origin, as non-browser clients and same-origin GETs send", () => {
    expect(isOwnOrigin(undefined, ["127.0.0.1:3000"])).toBe(true);
  });
  it("allows the host the request was sent to, with or without the default port", () => {
    expect(isOwnOrigin("http://127.0.0.1:3000", ["127.0.0.1:3000"])).toBe(true);
    expect(isOwnOrigin("https://debate.school.example", ["debate.school.example:443"])).toBe(true);
    expect(isOwnOrigin("http://debate.school.example", ["debate.school.example"])).toBe(true);
  });
  it("allows PUBLIC_URL's origin, for a proxy that rewrites Host", () => {
    expect(isOwnOrigin("https://debate.school.example", ["127.0.0.1:3000"], "https://debate.school.example/")).toBe(true);
  });
  it("refuses other ports, sibling subdomains, null and malformed origins", () => {
    for (const origin of ["http://127.0.0.1:3001", "http://localhost:3000", "http://grades.school.example", "null", "not a url", "http://127.0.0.1:3000/path", "file:///x"])
      expect(isOwnOrigin(origin, ["127.0.0.1:3000", undefined], "http://debate.school.example"), origin).toBe(false);
  });
});

describe("isReadableAddress", () => {
  it("reads ordinary and encoded addresses", () => {
    expect(isReadableAddress("/join?code=K7Q2MX&name=S%C3%B3kha")).toBe(true);
  });
  it("refuses broken percent-encoding and NUL", () => {
    expect(isReadableAddress("/play/%E2%82")).toBe(false);
    expect(isReadableAddress("/play/%")).toBe(false);
    expect(isReadableAddress("/teacher/scenarios/a%00b")).toBe(false);
  });
});

describe("formHasNul", () => {
  const urlencoded = "application/x-www-form-urlencoded";
  it("finds a NUL encoded in a URL-encoded form, or raw in any body", () => {
    expect(formHasNul(Buffer.from("name=a%00b"), urlencoded)).toBe(true);
    expect(formHasNul(Buffer.from("name=a\0b"), urlencoded)).toBe(true);
    expect(formHasNul(Buffer.from("--x\r\n\r\na\0b"), "multipart/form-data; boundary=x")).toBe(true);
  });
  it("leaves text that only looks like an escape in a multipart part alone", () => {
    expect(formHasNul(Buffer.from("--x\r\n\r\n100%00 sure"), "multipart/form-data; boundary=x")).toBe(false);
    expect(formHasNul(Buffer.from("name=a%2500b"), urlencoded)).toBe(false);
  });
});

describe("isFormType", () => {
  it("matches the form's own encoding, whatever its parameters and case", () => {
    expect(isFormType("application/x-www-form-urlencoded;charset=UTF-8", "application/x-www-form-urlencoded")).toBe(true);
    expect(isFormType("Multipart/Form-Data; boundary=x", "multipart/form-data")).toBe(true);
  });
  it("refuses everything else, another form encoding included", () => {
    for (const type of [undefined, "", "application/json", "text/plain", "application/x-www-form-urlencodedX", "multipart/form-data; boundary=x"])
      expect(isFormType(type, "application/x-www-form-urlencoded")).toBe(false);
  });
});
