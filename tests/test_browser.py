"""End to end in a real browser: Debian's headless Chromium driven by Playwright.

The site runs under the production server (`medrender serve`, gunicorn) on
loopback with its own store. Screenshots of every audience's page land in
`test-artifacts/screenshots/` for a person to look at.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.engine import PROJECT_ROOT

from .conftest import AUDIENCE_IDS, skip_or_fail

pytestmark = pytest.mark.enable_socket

CHROMIUM = os.environ.get("MEDRENDER_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
RA = "/articles/ra-after-methotrexate"
SECOND = "/articles/migraine-prevention"
# Chromium's own background traffic fails on a closed network; these flags keep it quiet.
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(base: str, server: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server stopped with exit code {server.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"the server did not answer at {base} within {seconds:.0f} s")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    instance = tmp_path_factory.mktemp("instance")
    env = {**os.environ, "MEDRENDER_INSTANCE": str(instance)}
    env.pop("MEDRENDER_DATABASE_URL", None)
    log = (instance / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "service", "serve", "--port", str(port), "--workers", "1"],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        skip_or_fail("browser", f"no Chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


def new_page(browser, base: str, javascript: bool = True, width: int = 1000):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
    page.outside = outside
    return page


def checked(page) -> str:
    return page.locator('input[name="for"]:checked').get_attribute("value")


def first_term(page):
    return page.locator("#rendition dfn.term, #rendition abbr.term").first


def test_a_patient_picks_their_version_and_it_follows_them(browser, base: str) -> None:
    page = new_page(browser, base)
    page.goto(base + RA)
    assert checked(page) == "clinician"
    assert "rheumatoid arthritis" in page.locator("h1").inner_text()
    page.get_by_label("Patient", exact=True).check()
    page.wait_for_selector('article[data-audience="patient"]')
    assert page.url.endswith(f"{RA}?for=patient"), "the choice is not in the URL"
    assert re.search(r"Grade \d+\.\d - ", page.locator(".badge").first.inner_text())
    assert "rheumatoid arthritis" not in page.locator("h1").inner_text()

    term = page.locator('#rendition [title^="rheumatoid arthritis"]').first
    term.hover()
    assert term.get_attribute("title").startswith("rheumatoid arthritis")
    term.focus()
    tip = term.evaluate("el => getComputedStyle(el, '::after').content")
    assert "rheumatoid arthritis" in tip

    page.reload()
    assert checked(page) == "patient"
    page.goto(base + SECOND)
    assert checked(page) == "patient"
    assert page.locator(".reading-as").inner_text() == "Reading the patient version."
    assert page.outside == [], "the page fetched something from outside our server"
    page.context.close()


def test_the_same_choice_works_without_javascript(browser, base: str) -> None:
    page = new_page(browser, base, javascript=False)
    page.goto(base + RA)
    page.get_by_label("Caregiver", exact=True).check()
    page.get_by_role("button", name="Show this version").click()
    page.wait_for_url(f"**{RA}?for=caregiver")
    assert checked(page) == "caregiver"
    assert page.locator("article").get_attribute("data-audience") == "caregiver"
    assert first_term(page).count() == 1
    page.goto(base + SECOND)
    assert checked(page) == "caregiver"
    page.context.close()


def test_a_keyboard_alone_can_choose_a_version(browser, base: str) -> None:
    page = new_page(browser, base, javascript=False)
    page.goto(base + RA)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "for":
            break
    assert page.evaluate("document.activeElement.value") == "clinician"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused choice has no visible focus"
    page.keyboard.press("ArrowDown")
    assert checked(page) == "patient"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{RA}?for=patient")
    assert page.locator("article").get_attribute("data-audience") == "patient"
    page.context.close()


@pytest.mark.parametrize("width", [1000, 320])
@pytest.mark.parametrize("audience", AUDIENCE_IDS)
def test_every_audience_page_fits_and_is_saved_as_a_screenshot(
    browser, base: str, audience: str, width: int
) -> None:
    page = new_page(browser, base, width=width)
    page.goto(f"{base}{RA}?for={audience}")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"ra-after-methotrexate-{audience}-{width}px.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    page.context.close()


CONTRAST = """() => {
  const rgb = (value) => (value.match(/[0-9.]+/g) || []).map(Number);
  const channel = (c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const colour = rgb(getComputedStyle(el).backgroundColor);
      if (colour.length === 3 || colour[3] > 0) return colour.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const worst = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const fg = luminance(rgb(getComputedStyle(el).color));
    const bg = luminance(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) worst.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)}`);
  }
  return worst;
}"""


@pytest.mark.parametrize("audience", AUDIENCE_IDS)
def test_every_text_meets_aa_contrast(browser, base: str, audience: str) -> None:
    page = new_page(browser, base)
    page.goto(f"{base}{RA}?for={audience}&qa=1")
    assert page.evaluate(CONTRAST) == []
    page.context.close()


def test_an_unknown_article_shows_the_friendly_page(browser, base: str) -> None:
    page = new_page(browser, base)
    response = page.goto(base + "/articles/not-a-real-article")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "We could not find that page"
    page.context.close()
