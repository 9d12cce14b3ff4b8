import { expect, test } from "../src/fixtures.js";

/** `next=` values that browsers would read as another host or a script; each must land on the dashboard. */
const TRICKS = [
  "//evil.example/",
  "/\\evil.example/",
  "%2F%2Fevil.example/",
  "/%2Fevil.example/",
  "/%5Cevil.example/",
  "/%252F%252Fevil.example/",
  "javascript:alert(document.domain)",
  "https://evil.example/",
];

test.describe("after sign-in, next= only leads to a path on Realise", () => {
  test("sends every trick to the dashboard and a plain path to that path", async ({ newPage, realise }) => {
    const { page, errors, context } = await newPage();
    const signInWith = async (next: string) => {
      await context.clearCookies();
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email address").fill("viewer.rgt@demo.realise");
      await page.getByLabel("Password").fill("realise-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      return new URL(page.url());
    };
    const origin = new URL(realise.url).origin;
    for (const trick of TRICKS) {
      const landed = await signInWith(trick);
      expect(landed.origin, JSON.stringify(trick)).toBe(origin);
      expect(landed.pathname, JSON.stringify(trick)).toBe("/trusts/RGT/dashboard");
    }
    // Tabs and newlines (which browsers drop from URLs) do not even reach the page: the edge refuses them.
    for (const trick of ["/\t/evil.example/", "/\n/evil.example/"]) {
      const answer = await page.goto(`/sign-in?next=${encodeURIComponent(trick)}`);
      expect(answer?.status(), JSON.stringify(trick)).toBe(400);
    }
    const plain = await signInWith("/trusts/RGT/benefits");
    expect(plain.origin).toBe(origin);
    expect(plain.pathname).toBe("/trusts/RGT/benefits");
    expect(errors).toEqual([]);
    await context.close();
  });
});
