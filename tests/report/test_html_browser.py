"""The example's HTML report in a real browser (headless Chromium): no console error, the plan and figures shown.

Needs selenium (the ``test`` extra) and Debian's ``chromium`` and
``chromium-driver``; without them the test is skipped, saying how to
install them (``.ci/run`` installs them when it can).
"""

import base64
import re
import shutil
import struct

import pytest

import interorg
from interorg.report.html import save_report

webdriver = pytest.importorskip("selenium.webdriver", reason="the browser test needs selenium: "
                                "pip install 'interorg[test]'")

_INSTALL = ("the browser test needs headless Chromium and its driver: "
            "apt-get install -y --no-install-recommends chromium chromium-driver")


def _found(*names):
    return next((path for path in map(shutil.which, names) if path), None)


@pytest.fixture(scope="module")
def advice():
    return interorg.advise(interorg.example_case())


@pytest.fixture(scope="module")
def browser(tmp_path_factory, advice):
    """One headless Chromium for the module, with the example's report loaded and its console log kept."""
    chromium = _found("chromium", "chromium-browser", "google-chrome")
    driver_path = _found("chromedriver")
    if not (chromium and driver_path):
        pytest.skip(_INSTALL)
    from selenium.webdriver.chrome.service import Service

    path = save_report(advice, tmp_path_factory.mktemp("report") / "report.html")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    # --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1600"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.get(path.as_uri())
        yield driver
    finally:
        driver.quit()


def _by_css(driver, selector):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def _shown(element):
    return element.is_displayed() and element.size["width"] > 0 and element.size["height"] > 0


def test_the_page_loads_without_console_errors(browser):
    """Loading the report logs no error in the console (and an error would be seen: the log is read)."""
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    browser.execute_script("console.error('interorg probe')")
    assert any("interorg probe" in entry["message"] for entry in browser.get_log("browser"))


def test_screenshot_is_a_picture_of_the_page(browser, tmp_path):
    """A screenshot of the rendered report is a PNG of the window's size with real content."""
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    width, height = struct.unpack(">II", data[16:24])
    assert width >= 800 and height >= 800


def test_the_plan_is_visible(browser, advice):
    """The action plan is shown first, with every action displayed."""
    (plan,) = _by_css(browser, "#plan")
    items = _by_css(browser, "#plan li.plan-item")
    assert _shown(plan) and len(items) == len(advice.plan)
    assert all(_shown(item) for item in items)
    assert plan.location["y"] < _by_css(browser, "#diagnosis")[0].location["y"]


def test_the_figures_are_visible(browser):
    """Each of the four figures is displayed with a non-zero size and its image decoded by the browser."""
    images = _by_css(browser, "#figures figure img")
    assert len(images) == 4
    for image in images:
        browser.execute_script("arguments[0].scrollIntoView()", image)
        assert _shown(image)
        assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) > 100


def test_print_opens_every_fold_and_makes_a_pdf(browser):
    """On paper the closed <details> show their content; printing gives a PDF of several pages."""
    # rendered by the browser's own measure (WebDriver's is_displayed treats a closed <details> as hidden, whatever its style)
    rendered = "return arguments[0].checkVisibility() && arguments[0].getBoundingClientRect().height > 0"
    folds = _by_css(browser, "details.entry .inner")
    assert len(folds) > 40 and not any(browser.execute_script(rendered, fold) for fold in folds)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert all(browser.execute_script(rendered, fold) for fold in folds)
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(browser.print_page())
    pages = max(int(count) for count in re.findall(rb"/Count (\d+)", pdf))
    assert pdf.startswith(b"%PDF") and pages > 10
