#!/usr/bin/env python3
"""Accessibility audit of built pages with axe-core in headless Chromium.

Usage: test_accessibility.py PAGE.html [PAGE.html ...]

axe-core comes from the PyPI package axe-selenium-python (it bundles axe.min.js; nothing is
fetched). Every page is audited against axe's WCAG 2 A/AA and best-practice rules in the light
and the dark color scheme, and pages with a quiz once more after "Check score" with every
answer wrong, so that the verdicts and the result line are audited too. Any violation fails.
"""
import os
import sys

import axe_selenium_python
from selenium import webdriver
from selenium.webdriver.common.by import By

AXE = open(os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js"),
           encoding="utf-8").read()
RUN = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "best-practice"]}})
  .then(function (r) { done(r); }).catch(function (e) { done({error: String(e)}); });
"""


def driver():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1000"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"), options=options)


def audit(d, label):
    d.execute_script(AXE)
    result = d.execute_async_script(RUN)
    if "error" in result:
        raise SystemExit(f"FAIL {label}: axe did not run: {result['error']}")
    violations = result["violations"]
    print(f"{'ok' if not violations else 'FAIL'}: {label}: {len(result['passes'])} rules pass, {len(violations)} violated")
    for v in violations:
        print(f"  {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:3]:
            print(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return len(violations)


def main(pages):
    d = driver()
    failures = 0
    try:
        d.get("about:blank")
        print(f"axe-core {d.execute_script(AXE + '; return axe.version;')}")
        for page in pages:
            url = "file://" + os.path.abspath(page)
            for scheme in ["light", "dark"]:
                d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                d.get(url)
                d.execute_script("try { localStorage.clear(); } catch (e) {}")
                d.refresh()
                failures += audit(d, f"{page} ({scheme})")
                buttons = [b for b in d.find_elements(By.CSS_SELECTOR, "section.quiz button") if "Check" in b.text]
                if buttons:
                    for field in d.find_elements(By.CSS_SELECTOR, "section.question input[type=text]"):
                        field.send_keys("-12345")
                    for group in d.find_elements(By.CSS_SELECTOR, "section.question fieldset"):
                        group.find_elements(By.CSS_SELECTOR, "input[type=radio]")[0].click()
                    buttons[0].click()
                    failures += audit(d, f"{page} ({scheme}, after checking)")
    finally:
        d.quit()
    if failures:
        raise SystemExit(f"FAIL: {failures} accessibility violations")
    print("ok: no accessibility violations")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1:])
