// Browser test of newslint's HTML report: loads the page from a file:// URL in headless
// Chromium, fails on any console error or page error, checks that the site table sorts and
// filters, and writes a screenshot. Usage: node browser-test.cjs REPORT.html SCREENSHOT.png
// (playwright-core must be resolvable, e.g. through NODE_PATH).
"use strict";
const { chromium } = require("playwright-core");
const path = require("path");
const fs = require("fs");
const os = require("os");

const [report, shot] = process.argv.slice(2);
if (!report || !shot) {
  console.error("usage: node browser-test.cjs REPORT.html SCREENSHOT.png");
  process.exit(2);
}

function check(cond, msg) {
  if (!cond) {
    throw new Error("browser-test: FAIL: " + msg);
  }
  console.log("browser-test: ok: " + msg);
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "newslint-chromium-"));
  // a fresh profile (--user-data-dir) per run
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 1400 },
    deviceScaleFactor: 1,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const errors = [];
  const requests = [];
  try {
    const page = await browser.newPage();
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
    await page.goto("file://" + path.resolve(report), { waitUntil: "load" });

    const rows = page.locator("#site-table tbody tr.site-row");
    const total = await rows.count();
    check(total > 0, `the site table has ${total} rows`);
    check((await page.locator("#overview .card").count()) >= 4, "the overview shows its cards");
    check((await page.locator("#rules-chart svg rect").count()) > 0, "the rule chart is drawn");

    // sorting: documents descending, then ascending
    const colValues = async (key) => page.$$eval("#site-table tbody tr.site-row", (trs, key) => {
      const ths = Array.from(document.querySelectorAll("#site-table th"));
      const i = ths.findIndex((th) => th.dataset.key === key);
      return trs.map((tr) => parseFloat(tr.children[i].dataset.v));
    }, key);
    await page.click('#site-table th[data-key="documents"]');
    let v = await colValues("documents");
    check(v.every((x, i) => i === 0 || v[i - 1] >= x), "a click on Documents sorts descending: " + v.join(" "));
    await page.click('#site-table th[data-key="documents"]');
    v = await colValues("documents");
    check(v.every((x, i) => i === 0 || v[i - 1] <= x), "a second click sorts ascending: " + v.join(" "));
    await page.click('#site-table th[data-key="drift"]');
    const first = await rows.first().getAttribute("data-severity");
    check(first === "error", "a click on Drift puts the worst drift first (" + first + ")");

    // filtering by name and by drift status
    const q = (await rows.first().getAttribute("data-site")).slice(-2);
    await page.fill("#filter", q);
    const visible = () => page.$$eval("#site-table tbody tr.site-row", (trs) => trs.filter((t) => !t.hidden).map((t) => t.dataset.site));
    let vis = await visible();
    check(vis.length > 0 && vis.length < total && vis.every((s) => s.includes(q)), "the name filter \"" + q + "\" keeps " + vis.join(", "));
    await page.fill("#filter", "");
    await page.selectOption("#status", "drifted");
    vis = await visible();
    const sev = await page.$$eval("#site-table tbody tr.site-row", (trs) => trs.filter((t) => !t.hidden).map((t) => t.dataset.severity));
    check(vis.length > 0 && sev.every((s) => s === "error" || s === "warning"), "the drift filter keeps " + vis.join(", "));
    const count = await page.textContent("#count");
    check(count.startsWith(vis.length + " of " + total), "the count says " + count);

    // a click on a row shows its drifts
    await rows.filter({ visible: true }).first().click();
    check(await page.locator("#site-table tr.details:not([hidden])").count() === 1, "a click on a row opens its details");

    check(errors.length === 0, "no console errors" + (errors.length ? ": " + errors.join("; ") : ""));
    check(requests.length === 0, "no network requests" + (requests.length ? ": " + requests.join(", ") : ""));

    // the screenshot: all sites, worst drift first
    await rows.filter({ visible: true }).first().click();
    await page.selectOption("#status", "");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot, fullPage: false, clip: { x: 0, y: 0, width: 1280, height: 1400 } });
    console.log("browser-test: screenshot written to " + shot);
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
